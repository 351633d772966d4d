import EclairageDomain

extension RegisterPage {
    /// What the register reads: its activities (with their dates), the inventory's assets where their data
    /// lives, and the controller (the association, by its name).
    struct Query: Sendable {
        let activities: [RegisterQueries.ActivityRow]
        let assets: [Asset]
        let controller: String
        /// The rights requests not answered yet, shown with the register.
        let openRequests: [RightsRequest]

        static func load(_ access: InventoryAccess, services: AppServices) async throws -> Query {
            let id = access.associationID
            return try await services.database.read { sql in
                Query(
                    activities: try await RegisterQueries.all(of: id, in: sql),
                    assets: try await InventoryQueries.all(of: id, in: sql).map(\.asset),
                    controller: access.loaded.association.name,
                    openRequests: try await RightsRequestQueries.all(of: id, in: sql).map(\.request).filter {
                        $0.answeredOn == nil
                    })
            }
        }
    }
}
