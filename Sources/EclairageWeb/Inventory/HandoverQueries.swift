import SQLKit

/// Rows of `handovers` and `handover_items`.
enum HandoverQueries {
    struct HandoverRow: Codable, Sendable {
        let id: String
        let associationId: String
        let startedBy: String
        let startedAt: Int64
        var completedBy: String?
        var completedAt: Int64?
        /// Who leaves the board and who takes over ("" for handovers started before they were asked).
        var leaving: String = ""
        var incoming: String = ""
    }

    struct ItemRow: Codable, Sendable {
        let handoverId: String
        let position: Int
        let assetName: String
        let action: String
        var tickedBy: String?
        var tickedAt: Int64?
    }

    /// The association's handovers, the open one (if any) first, then the completed ones newest first.
    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [HandoverRow] {
        try await sql.select().column("*").from("handovers").where("association_id", .equal, SQLBind(associationID))
            .orderBy("started_at", .descending).orderBy("id").rows(HandoverRow.self)
    }

    static func find(_ id: String, association: String, in sql: any SQLDatabase) async throws -> HandoverRow? {
        try await sql.select().column("*").from("handovers").where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(association)).row(HandoverRow.self)
    }

    static func items(of handoverID: String, in sql: any SQLDatabase) async throws -> [ItemRow] {
        try await sql.select().column("*").from("handover_items").where("handover_id", .equal, SQLBind(handoverID))
            .orderBy("position").rows(ItemRow.self)
    }

    static func create(_ handover: HandoverRow, items: [ItemRow], in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "handovers").row(handover).run()
        if !items.isEmpty {
            try await sql.insert(into: "handover_items").models(
                items, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
            ).run()
        }
    }

    /// Ticks an item (by whom, when), or unticks it.
    static func setTick(_ handoverID: String, position: Int, by name: String?, at: Int64?, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("handover_items").set(
            "ticked_by", to: name.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null
        )
        .set("ticked_at", to: at.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
        .where("handover_id", .equal, SQLBind(handoverID)).where("position", .equal, SQLBind(position)).run()
    }

    static func complete(_ handoverID: String, by name: String, at: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("handovers").set("completed_by", to: SQLBind(name)).set("completed_at", to: SQLBind(at))
            .where("id", .equal, SQLBind(handoverID)).where("completed_at", .is, SQLLiteral.null).run()
    }
}
