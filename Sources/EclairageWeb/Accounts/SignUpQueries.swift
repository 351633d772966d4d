import SQLKit

/// Sign-ups waiting for the e-mailed confirmation.
enum SignUpQueries {
    struct Request: Codable, Sendable {
        let tokenHash: String
        let email: String
        let displayName: String
        let passwordHash: String
        let locale: String
        let expiresAt: Int64
    }

    static func insert(_ request: Request, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "signup_requests").row(request).run()
    }

    /// The request behind a link, if it has not expired.
    static func find(tokenHash: String, now: Int64, in sql: any SQLDatabase) async throws -> Request? {
        try await sql.select().columns("token_hash", "email", "display_name", "password_hash", "locale", "expires_at")
            .from("signup_requests").where("token_hash", .equal, SQLBind(tokenHash)).where(
                "expires_at", .greaterThan, SQLBind(now)
            )
            .row(Request.self)
    }

    /// Every request for the address goes once one is confirmed.
    static func delete(email: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "signup_requests").where("email", .equal, SQLBind(email)).run()
    }

    static func purge(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "signup_requests").where("expires_at", .lessThan, SQLBind(before)).run()
    }
}
