import SQLKit

/// Advisors' dated notes on an association (interviews, calls, visits).
enum NoteQueries {
    struct Note: Codable, Sendable {
        let id: String
        let associationId: String
        let supportBodyId: String
        let authorId: String?
        let authorName: String
        /// ISO day of the contact.
        let notedOn: String
        let text: String
        let `internal`: Int
        let minutes: Int?
        let createdAt: Int64
    }

    struct Listed: Codable, Sendable {
        let id: String
        let supportBodyId: String
        let bodyName: String
        let authorName: String
        let notedOn: String
        let text: String
        let `internal`: Int
        let minutes: Int?
    }

    static func insert(_ note: Note, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "advisor_notes").row(note).run()
    }

    /// The notes a reader may see: members see every body's shared notes; an advisor also sees the
    /// internal notes of their own bodies (`bodies`).
    static func visible(association associationID: String, internalOf bodies: [String], in sql: any SQLDatabase)
        async throws -> [Listed]
    {
        try await sql.select()
            .columns(
                SQLColumn("id", table: "advisor_notes"), SQLColumn("support_body_id", table: "advisor_notes"),
                SQLColumn("author_name", table: "advisor_notes"), SQLColumn("noted_on", table: "advisor_notes"),
                SQLColumn("text", table: "advisor_notes"), SQLColumn("internal", table: "advisor_notes"),
                SQLColumn("minutes", table: "advisor_notes")
            )
            .column(SQLAlias(SQLColumn("name", table: "support_bodies"), as: SQLIdentifier("body_name")))
            .from("advisor_notes")
            .join(
                "support_bodies", on: SQLColumn("id", table: "support_bodies"), .equal,
                SQLColumn("support_body_id", table: "advisor_notes")
            )
            .where(SQLColumn("association_id", table: "advisor_notes"), .equal, SQLBind(associationID))
            .where {
                $0.where(SQLColumn("internal", table: "advisor_notes"), .equal, SQLBind(0))
                    .orWhere(SQLColumn("support_body_id", table: "advisor_notes"), .in, SQLBind.group(bodies + [""]))
            }
            .orderBy(
                SQLOrderBy(
                    expression: SQLColumn("noted_on", table: "advisor_notes"), direction: SQLDirection.descending)
            )
            .orderBy(
                SQLOrderBy(
                    expression: SQLColumn("created_at", table: "advisor_notes"), direction: SQLDirection.descending)
            )
            .rows(Listed.self)
    }

    struct LastContact: Codable, Sendable {
        let associationId: String
        let last: String
    }

    /// The latest note of this body per association.
    static func lastContacts(body bodyID: String, in sql: any SQLDatabase) async throws -> [LastContact] {
        try await sql.select().column("association_id")
            .column(SQLFunction("MAX", args: SQLColumn("noted_on")), as: "last")
            .from("advisor_notes").where("support_body_id", .equal, SQLBind(bodyID)).groupBy("association_id")
            .all().map {
                LastContact(
                    associationId: try $0.decode(column: "association_id", as: String.self),
                    last: try $0.decode(column: "last", as: String.self))
            }
    }
}
