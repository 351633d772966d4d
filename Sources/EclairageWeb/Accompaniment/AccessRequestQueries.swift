import SQLKit

/// A support body asks an association for access; the association's owners accept or decline it.
enum AccessRequestQueries {
    struct Request: Codable, Sendable {
        let id: String
        let supportBodyId: String
        let associationId: String
        let requestedBy: String?
        let requesterName: String
        let message: String
        let createdAt: Int64
    }

    /// A request with the body's name, as the association sees it.
    struct Listed: Codable, Sendable {
        let id: String
        let supportBodyId: String
        let bodyName: String
        let requesterName: String
        let message: String
        let createdAt: Int64
    }

    /// One request per body and association: asking again replaces the earlier one.
    static func upsert(_ request: Request, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "access_requests")
            .where("support_body_id", .equal, SQLBind(request.supportBodyId))
            .where("association_id", .equal, SQLBind(request.associationId)).run()
        try await sql.insert(into: "access_requests").row(request).run()
    }

    static func of(association associationID: String, in sql: any SQLDatabase) async throws -> [Listed] {
        try await sql.select()
            .columns(
                SQLColumn("id", table: "access_requests"), SQLColumn("support_body_id", table: "access_requests"),
                SQLColumn("requester_name", table: "access_requests"), SQLColumn("message", table: "access_requests"),
                SQLColumn("created_at", table: "access_requests")
            )
            .column(SQLAlias(SQLColumn("name", table: "support_bodies"), as: SQLIdentifier("body_name")))
            .from("access_requests")
            .join(
                "support_bodies", on: SQLColumn("id", table: "support_bodies"), .equal,
                SQLColumn("support_body_id", table: "access_requests")
            )
            .where(SQLColumn("association_id", table: "access_requests"), .equal, SQLBind(associationID))
            .orderBy(SQLColumn("created_at", table: "access_requests")).rows(Listed.self)
    }

    /// How many requests a body has waiting (the associations' names stay theirs until they answer).
    static func pending(body bodyID: String, in sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("access_requests")
            .where("support_body_id", .equal, SQLBind(bodyID)).row(CountRow.self)?.n ?? 0
    }

    static func find(id: String, association associationID: String, in sql: any SQLDatabase) async throws -> Request? {
        try await sql.select().column("*").from("access_requests").where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(associationID)).row(Request.self)
    }

    static func delete(id: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "access_requests").where("id", .equal, SQLBind(id)).run()
    }

    /// Requests not answered in 90 days lapse.
    static func purge(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "access_requests").where("created_at", .lessThan, SQLBind(before)).run()
    }
}

extension AccessRequestQueries {
    /// Associations registered under this RNA or SIREN number (public identifiers an advisor knows).
    static func associations(identifier: String, in sql: any SQLDatabase) async throws -> [String] {
        struct IDRow: Decodable { let id: String }
        return try await sql.select().column("id").from("associations")
            .where("rna", .equal, SQLBind(identifier)).orWhere("siren", .equal, SQLBind(identifier))
            .rows(IDRow.self).map(\.id)
    }
}

extension AccessRequestQueries {
    /// The association asked this body itself: its earlier request is answered.
    static func deleteAll(association associationID: String, body bodyID: String, in sql: any SQLDatabase)
        async throws
    {
        try await sql.delete(from: "access_requests").where("association_id", .equal, SQLBind(associationID))
            .where("support_body_id", .equal, SQLBind(bodyID)).run()
    }
}
