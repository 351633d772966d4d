import SQLKit

/// Steps and tools an association keeps for its action plan.
enum SavedStepQueries {
    struct SavedStep: Codable, Sendable {
        let id: String
        let associationId: String
        let diagnosticId: String?
        let kind: String
        let reference: String
        let title: String
        let createdBy: String?
        let createdAt: Int64
    }

    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [SavedStep] {
        try await sql.select().column("*").from("saved_steps").where("association_id", .equal, SQLBind(associationID))
            .orderBy("created_at").orderBy("title").rows(SavedStep.self)
    }

    static func exists(associationID: String, kind: String, reference: String, in sql: any SQLDatabase) async throws
        -> Bool
    {
        try await !sql.select().column("id").from("saved_steps").where("association_id", .equal, SQLBind(associationID))
            .where("kind", .equal, SQLBind(kind)).where("reference", .equal, SQLBind(reference)).all().isEmpty
    }

    static func insert(_ step: SavedStep, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "saved_steps").row(step).run()
    }
}
