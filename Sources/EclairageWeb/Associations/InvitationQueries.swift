import SQLKit

/// Links that let one person join an association (only their hash is kept).
enum InvitationQueries {
    struct Row: Codable, Sendable {
        let tokenHash: String
        let associationId: String
        let role: String
        let createdBy: String?
        let createdAt: Int64
        let expiresAt: Int64
    }

    static func insert(_ row: Row, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "invitations").row(row).run()
    }

    static func find(tokenHash: String, in sql: any SQLDatabase) async throws -> Row? {
        try await sql.select().column("*").from("invitations").where("token_hash", .equal, SQLBind(tokenHash)).row(
            Row.self)
    }

    static func delete(tokenHash: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "invitations").where("token_hash", .equal, SQLBind(tokenHash)).run()
    }

    static func purge(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "invitations").where("expires_at", .lessThan, SQLBind(before)).run()
    }
}
