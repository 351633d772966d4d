import EclairageDomain

extension RegisterPage {
    /// What the register reads: its activities, and the inventory's assets where their data lives.
    struct Query: Sendable {
        let activities: [ProcessingActivity]
        let assets: [Asset]

        static func load(_ access: InventoryAccess, services: AppServices) async throws -> Query {
            let id = access.associationID
            return try await services.database.read { sql in
                Query(
                    activities: try await RegisterQueries.all(of: id, in: sql).map(\.activity),
                    assets: try await InventoryQueries.all(of: id, in: sql).map(\.asset))
            }
        }
    }
}
