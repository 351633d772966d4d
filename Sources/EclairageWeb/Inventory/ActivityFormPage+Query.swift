import EclairageDomain

extension ActivityFormPage {
    /// What the activity form reads: the inventory's assets, to tick those the activity's data lives in.
    struct Query: Sendable {
        let assets: [Asset]

        static func load(_ access: InventoryAccess, services: AppServices) async throws -> Query {
            let id = access.associationID
            return Query(
                assets: try await services.database.read { try await InventoryQueries.all(of: id, in: $0) }.map(\.asset)
            )
        }
    }
}
