import SQLKit

/// A support body's advisors, and the invitations that make someone one.
enum AdvisorQueries {
    struct Invitation: Codable, Sendable {
        let tokenHash: String
        let supportBodyId: String
        let email: String
        let invitedBy: String?
        let createdAt: Int64
        let expiresAt: Int64
    }

    struct Advisor: Codable, Sendable {
        let userId: String
        let displayName: String
        let email: String
    }

    /// Who reads an association's data through the bodies it let in: one row per advisor and body.
    struct Reader: Codable, Sendable {
        let supportBodyId: String
        let displayName: String
    }

    static func add(_ userID: String, to bodyID: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "advisors").columns("support_body_id", "user_id", "added_at")
            .values(SQLBind(bodyID), SQLBind(userID), SQLBind(now)).run()
    }

    static func remove(_ userID: String, from bodyID: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "advisors").where("support_body_id", .equal, SQLBind(bodyID)).where(
            "user_id", .equal, SQLBind(userID)
        ).run()
    }

    /// The advisors' names of several bodies at once (the vetting queue).
    static func names(of bodyIDs: [String], in sql: any SQLDatabase) async throws -> [String: [String]] {
        guard !bodyIDs.isEmpty else { return [:] }
        struct Row: Decodable {
            let supportBodyId: String
            let displayName: String
        }
        let rows = try await sql.select().column(SQLColumn("support_body_id", table: "advisors"))
            .column(SQLColumn("display_name", table: "users")).from("advisors")
            .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("user_id", table: "advisors"))
            .where(SQLColumn("support_body_id", table: "advisors"), .in, SQLBind.group(bodyIDs))
            .orderBy(SQLColumn("display_name", table: "users")).rows(Row.self)
        return Dictionary(grouping: rows, by: \.supportBodyId).mapValues { $0.map(\.displayName) }
    }

    static func advisors(of bodyID: String, in sql: any SQLDatabase) async throws -> [Advisor] {
        try await sql.select().column(SQLColumn("user_id", table: "advisors")).column(
            SQLColumn("display_name", table: "users")
        )
        .column(SQLColumn("email", table: "users"))
        .from("advisors")
        .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("user_id", table: "advisors"))
        .where(SQLColumn("support_body_id", table: "advisors"), .equal, SQLBind(bodyID))
        .orderBy(SQLColumn("display_name", table: "users")).rows(Advisor.self)
    }

    /// The advisors of every body `associationID` let in, in one query.
    static func readers(of associationID: String, in sql: any SQLDatabase) async throws -> [Reader] {
        try await sql.select().column(SQLColumn("support_body_id", table: "advisors")).column(
            SQLColumn("display_name", table: "users")
        )
        .from("access_grants")
        .join(
            "advisors", on: SQLColumn("support_body_id", table: "advisors"), .equal,
            SQLColumn("support_body_id", table: "access_grants")
        )
        .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("user_id", table: "advisors"))
        .where(SQLColumn("association_id", table: "access_grants"), .equal, SQLBind(associationID))
        .orderBy(SQLColumn("display_name", table: "users")).rows(Reader.self)
    }

    static func insert(_ invitation: Invitation, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "advisor_invitations").row(invitation).run()
    }

    static func invitation(tokenHash: String, now: Int64, in sql: any SQLDatabase) async throws -> Invitation? {
        try await sql.select().columns(
            "token_hash", "support_body_id", "email", "invited_by", "created_at", "expires_at"
        )
        .from("advisor_invitations").where("token_hash", .equal, SQLBind(tokenHash)).where(
            "expires_at", .greaterThan, SQLBind(now)
        )
        .row(Invitation.self)
    }

    static func deleteInvitation(tokenHash: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "advisor_invitations").where("token_hash", .equal, SQLBind(tokenHash)).run()
    }

    static func purgeInvitations(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "advisor_invitations").where("expires_at", .lessThan, SQLBind(before)).run()
    }
}
