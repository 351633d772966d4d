import SQLKit

/// Accompaniments a support body closed: the trace a withdrawal does not leave.
enum ClosingQueries {
    struct Closing: Codable, Sendable {
        let id: String
        let supportBodyId: String
        let associationId: String?
        let reason: String
        let closedByName: String
        let grantedAt: Int64
        let closedAt: Int64
    }

    /// Closes in one go: the closing is kept and the grant goes, so the very next read is refused.
    static func close(_ closing: Closing, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "closed_accompaniments").row(closing).run()
        if let association = closing.associationId {
            try await GrantQueries.withdraw(association: association, body: closing.supportBodyId, in: sql)
        }
    }

    /// One closing as the association reads it, with the body's name.
    struct Listed: Codable, Sendable {
        let bodyName: String
        let reason: String
        let closedByName: String
        let closedAt: Int64
    }

    /// The association's closed accompaniments, the latest first.
    static func of(association associationID: String, in sql: any SQLDatabase) async throws -> [Listed] {
        try await sql.select()
            .column(SQLAlias(SQLColumn("name", table: "support_bodies"), as: SQLIdentifier("body_name")))
            .column(SQLColumn("reason", table: "closed_accompaniments"))
            .column(SQLColumn("closed_by_name", table: "closed_accompaniments"))
            .column(SQLColumn("closed_at", table: "closed_accompaniments"))
            .from("closed_accompaniments")
            .join(
                "support_bodies", on: SQLColumn("id", table: "support_bodies"), .equal,
                SQLColumn("support_body_id", table: "closed_accompaniments")
            )
            .where(SQLColumn("association_id", table: "closed_accompaniments"), .equal, SQLBind(associationID))
            .orderBy("closed_at", .descending).rows(Listed.self)
    }

    /// The body's closings that lasted into [from, to): begun before its end, closed after its start.
    static func of(body bodyID: String, from: Int64, to: Int64, in sql: any SQLDatabase) async throws -> [Closing] {
        try await sql.select().column("*").from("closed_accompaniments")
            .where("support_body_id", .equal, SQLBind(bodyID)).where("granted_at", .lessThan, SQLBind(to))
            .where("closed_at", .greaterThanOrEqual, SQLBind(from)).rows(Closing.self)
    }
}
