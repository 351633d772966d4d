import SQLKit

/// Counters of `rate_limits`: one row per subject ("account:…", "address:…"), a fixed window each.
enum RateLimitQueries {
    struct Counter: Decodable, Sendable {
        let windowStart: Int64
        let hits: Int
    }

    /// Counts one hit and returns the counter after it, in one statement: an upsert takes the row's lock
    /// (PostgreSQL) or the write lock (SQLite), so two requests at once can never both read the old count.
    /// A window older than `window` seconds starts again at `now` with this hit.
    static func hit(_ subject: String, now: Int64, window: Int64, in sql: any SQLDatabase) async throws -> Counter {
        let expired = now - window
        let query: SQLQueryString = """
            INSERT INTO rate_limits (subject, window_start, hits) VALUES (\(bind: subject), \(bind: now), 1)
            ON CONFLICT (subject) DO UPDATE SET
                hits = CASE WHEN rate_limits.window_start <= \(bind: expired) THEN 1 ELSE rate_limits.hits + 1 END,
                window_start = CASE WHEN rate_limits.window_start <= \(bind: expired) THEN \(bind: now) ELSE rate_limits.window_start END
            RETURNING window_start, hits
            """
        guard
            let counter = try await sql.raw(query).first(
                decoding: Counter.self, keyDecodingStrategy: .convertFromSnakeCase)
        else {
            return Counter(windowStart: now, hits: 1)
        }
        return counter
    }

    /// Takes one hit back (a sign-in that succeeded should not count against a shared address).
    static func forgive(_ subject: String, in sql: any SQLDatabase) async throws {
        try await sql.update("rate_limits").set(SQLIdentifier("hits"), to: SQLRaw("hits - 1"))
            .where("subject", .equal, SQLBind(subject)).where("hits", .greaterThan, SQLBind(0)).run()
    }

    static func clear(_ subject: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "rate_limits").where("subject", .equal, SQLBind(subject)).run()
    }

    /// Counters whose window ended before `before`.
    static func purge(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "rate_limits").where("window_start", .lessThan, SQLBind(before)).run()
    }
}
