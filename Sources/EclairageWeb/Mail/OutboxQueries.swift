import SQLKit

/// The mail waiting to go out, and what became of what went.
enum OutboxQueries {
    struct Row: Codable, Sendable {
        let id: String
        let recipient: String
        let subject: String
        let body: String
        let attachmentName: String?
        let attachmentType: String?
        let attachmentContent: String?
        let createdAt: Int64
        var sendAfter: Int64
        var attempts: Int
        var claimedUntil: Int64?
        var sentAt: Int64?
        var failedAt: Int64?
        var lastError: String?
    }

    static func insert(_ row: Row, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "outbox").row(row).run()
    }

    /// Takes the oldest message due and not held by another server, for `lease` seconds, and counts
    /// the attempt there and then: a message whose sending ends the server (it never comes back to
    /// record the failure) is still counted, so it cannot be retried forever. The UPDATE
    /// re-checks the lease, so when two servers pick the same row only one gets it back.
    /// The outer conditions repeat the inner ones: on PostgreSQL an UPDATE that waited for another
    /// server's lock re-checks only its own WHERE on the new row, and a message just marked sent has
    /// `claimed_until` back to NULL (seen: a message sent twice under load).
    static func claim(now: Int64, lease: Int64, in sql: any SQLDatabase) async throws -> Row? {
        let query: SQLQueryString = """
            UPDATE outbox SET claimed_until = \(bind: now + lease), attempts = attempts + 1
            WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND send_after <= \(bind: now)
                        AND (claimed_until IS NULL OR claimed_until < \(bind: now)) ORDER BY send_after, id LIMIT 1)
            AND (claimed_until IS NULL OR claimed_until < \(bind: now)) AND sent_at IS NULL AND failed_at IS NULL
            RETURNING *
            """
        return try await sql.raw(query).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func markSent(_ id: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("outbox").set("sent_at", to: SQLBind(now)).set("claimed_until", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).run()
    }

    /// A failed attempt: tried again after `retryAt`, or given up (`failed_at`) when `retryAt` is nil.
    static func markFailed(
        _ id: String, attempts: Int, error: String, retryAt: Int64?, now: Int64, in sql: any SQLDatabase
    ) async throws {
        var update = sql.update("outbox").set("attempts", to: SQLBind(attempts)).set(
            "last_error", to: SQLBind(String(error.prefix(500)))
        )
        .set("claimed_until", to: SQLLiteral.null)
        if let retryAt {
            update = update.set("send_after", to: SQLBind(retryAt))
        } else {
            update = update.set("failed_at", to: SQLBind(now))
        }
        try await update.where("id", .equal, SQLBind(id)).run()
    }

    /// Gives a message that was given up on another series of attempts (admin).
    static func retry(_ id: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("outbox").set("failed_at", to: SQLLiteral.null).set("attempts", to: SQLBind(0))
            .set("send_after", to: SQLBind(now)).where("id", .equal, SQLBind(id)).where("sent_at", .is, SQLLiteral.null)
            .run()
    }

    struct Counts: Decodable, Sendable {
        let waiting: Int
        let sent: Int
        let failed: Int
    }

    static func counts(in sql: any SQLDatabase) async throws -> Counts {
        let query: SQLQueryString = """
            SELECT COUNT(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 END) AS waiting,
                   COUNT(sent_at) AS sent, COUNT(failed_at) AS failed FROM outbox
            """
        return try await sql.raw(query).first(decoding: Counts.self) ?? Counts(waiting: 0, sent: 0, failed: 0)
    }

    /// Messages not sent yet (waiting or given up), oldest first: what the administrator checks.
    static func unsent(limit: Int, in sql: any SQLDatabase) async throws -> [Row] {
        try await sql.select().column("*").from("outbox").where("sent_at", .is, SQLLiteral.null)
            .orderBy("created_at").orderBy("id").limit(limit).rows(Row.self)
    }

    /// Sent messages are kept a while for the record, then deleted (their text may hold links).
    static func purgeSent(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "outbox").where("sent_at", .lessThan, SQLBind(before)).run()
    }
}
