import EclairageDomain

extension InventoryPage {
    /// What the inventory page reads, in one read: the assets, the latest diagnostic's answers (for the
    /// suggestions) and the alerts already kept in the action plan.
    struct Query: Sendable {
        let stored: [InventoryQueries.Stored]
        let answers: Answers?
        let saved: Set<String>

        static func load(_ access: InventoryAccess, services: AppServices) async throws -> Query {
            let id = access.associationID
            return try await services.database.read { sql in
                Query(
                    stored: try await InventoryQueries.all(of: id, in: sql),
                    answers: try await DiagnosticQueries.latestAnswers(of: id, in: sql),
                    saved: Set(
                        try await PlanQueries.all(of: id, in: sql).filter { $0.kind == "inventory" }.map(
                            \.reference))
                )
            }
        }
    }
}
