import EclairageDomain

/// The association's latest diagnostic (its answers say which tools it uses) and its inventory (who
/// holds which account).
extension UsagePage {
    struct Query: Sendable {
        let diagnostic: Diagnostic?
        let answers: Answers
        let assets: [Asset]

        static func load(_ loaded: AuthorizedAssociation, services: AppServices) async throws -> Query {
            let id = loaded.association.id
            return try await services.database.read { sql in
                let summaries = try await DiagnosticQueries.summaries(of: id, in: sql)
                let latest = summaries.first { $0.diagnostic.completedAt != nil } ?? summaries.first
                return Query(
                    diagnostic: latest?.diagnostic, answers: latest?.answers ?? Answers([:]),
                    assets: loaded.seesInventory ? try await InventoryQueries.all(of: id, in: sql).map(\.asset) : [])
            }
        }
    }
}
