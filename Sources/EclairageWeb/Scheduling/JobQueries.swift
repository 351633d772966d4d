import SQLKit

/// When each timed job last ran and is next due.
enum JobQueries {
    /// Registers a job the first time a server knows it (due at once).
    static func register(_ name: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            "INSERT INTO scheduled_jobs (name, next_run) VALUES (\(bind: name), \(bind: now)) ON CONFLICT (name) DO NOTHING"
        ).run()
    }

    private struct Claimed: Decodable { let name: String }

    /// Takes this run of the job if it is due and no other server holds it: one atomic UPDATE, whose
    /// RETURNING tells whether this server got it.
    static func claim(_ name: String, now: Int64, lease: Int64, in sql: any SQLDatabase) async throws -> Bool {
        let query: SQLQueryString = """
            UPDATE scheduled_jobs SET claimed_until = \(bind: now + lease)
            WHERE name = \(bind: name) AND next_run <= \(bind: now) AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING name
            """
        return try await sql.raw(query).first(decoding: Claimed.self) != nil
    }

    static func finish(_ name: String, ranAt: Int64, nextRun: Int64, error: String?, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("scheduled_jobs").set("last_run", to: SQLBind(ranAt)).set("next_run", to: SQLBind(nextRun))
            .set("claimed_until", to: SQLLiteral.null).set(
                "last_error", to: SQLBind(error.map { String($0.prefix(500)) })
            )
            .where("name", .equal, SQLBind(name)).run()
    }

    struct Row: Codable, Sendable {
        let name: String
        let nextRun: Int64
        let lastRun: Int64?
        let lastError: String?
    }

    static func all(in sql: any SQLDatabase) async throws -> [Row] {
        try await sql.select().columns("name", "next_run", "last_run", "last_error").from("scheduled_jobs").orderBy(
            "name"
        ).rows(Row.self)
    }
}
