import SQLKit

/// Password-reset links: only their hash is kept; each works once, for an hour.
enum PasswordResetQueries {
    struct Row: Codable, Sendable {
        let tokenHash: String
        let userId: String
        let expiresAt: Int64
        let usedAt: Int64?
    }

    static func insert(_ row: Row, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "password_resets").row(row).run()
    }

    static func find(tokenHash: String, in sql: any SQLDatabase) async throws -> Row? {
        try await sql.select().column("*").from("password_resets").where("token_hash", .equal, SQLBind(tokenHash)).row(
            Row.self)
    }

    /// Ends every link of the account still outstanding: after one is used, or the password changed.
    static func endAll(userID: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("password_resets").set("used_at", to: SQLBind(now))
            .where("user_id", .equal, SQLBind(userID)).where("used_at", .is, SQLLiteral.null).run()
    }

    static func purge(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "password_resets").where("expires_at", .lessThan, SQLBind(before)).run()
    }
}
