import SQLKit

enum SupportBodyQueries {
    static func all(in sql: any SQLDatabase) async throws -> [SupportBody] {
        try await sql.select().column("*").from("support_bodies").orderBy("name").rows(SupportBody.self)
    }

    static func find(id: String, in sql: any SQLDatabase) async throws -> SupportBody? {
        try await sql.select().column("*").from("support_bodies").where("id", .equal, SQLBind(id)).row(SupportBody.self)
    }

    static func insert(_ body: SupportBody, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "support_bodies").row(body).run()
    }

    static func isAdvisor(userID: String, of bodyID: String, in sql: any SQLDatabase) async throws -> Bool {
        try await !sql.select().column("user_id").from("advisors")
            .where("support_body_id", .equal, SQLBind(bodyID)).where("user_id", .equal, SQLBind(userID)).all().isEmpty
    }

    static func advised(by userID: String, in sql: any SQLDatabase) async throws -> [SupportBody] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("support_bodies"))).from(
            "support_bodies"
        )
        .join(
            "advisors", on: SQLColumn("support_body_id", table: "advisors"), .equal,
            SQLColumn("id", table: "support_bodies")
        )
        .where(SQLColumn("user_id", table: "advisors"), .equal, SQLBind(userID))
        .orderBy(SQLColumn("name", table: "support_bodies")).rows(SupportBody.self)
    }

    struct GrantedRow: Codable, Sendable {
        let id: String
        let name: String
        let departement: String?
    }

    /// Associations that granted this body access (shown only to its advisors).
    static func grantedAssociations(of bodyID: String, in sql: any SQLDatabase) async throws -> [GrantedRow] {
        try await sql.select().column(SQLColumn("id", table: "associations")).column(
            SQLColumn("name", table: "associations")
        )
        .column(SQLColumn("departement", table: "associations"))
        .from("associations")
        .join(
            "access_grants", on: SQLColumn("association_id", table: "access_grants"), .equal,
            SQLColumn("id", table: "associations")
        )
        .where(SQLColumn("support_body_id", table: "access_grants"), .equal, SQLBind(bodyID))
        .orderBy(SQLColumn("name", table: "associations")).rows(GrantedRow.self)
    }

    /// Support bodies an association granted access to.
    static func grants(of associationID: String, in sql: any SQLDatabase) async throws -> [SupportBody] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("support_bodies"))).from(
            "support_bodies"
        )
        .join(
            "access_grants", on: SQLColumn("support_body_id", table: "access_grants"), .equal,
            SQLColumn("id", table: "support_bodies")
        )
        .where(SQLColumn("association_id", table: "access_grants"), .equal, SQLBind(associationID))
        .orderBy(SQLColumn("name", table: "support_bodies")).rows(SupportBody.self)
    }

    static func grant(associationID: String, bodyID: String, by userID: String, now: Int64, in sql: any SQLDatabase)
        async throws
    {
        try await sql.delete(from: "access_grants")
            .where("association_id", .equal, SQLBind(associationID)).where("support_body_id", .equal, SQLBind(bodyID))
            .run()
        try await sql.insert(into: "access_grants").columns(
            "association_id", "support_body_id", "granted_by", "granted_at"
        )
        .values(SQLBind(associationID), SQLBind(bodyID), SQLBind(userID), SQLBind(now)).run()
    }

    static func withdraw(associationID: String, bodyID: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "access_grants")
            .where("association_id", .equal, SQLBind(associationID)).where("support_body_id", .equal, SQLBind(bodyID))
            .run()
    }
}
