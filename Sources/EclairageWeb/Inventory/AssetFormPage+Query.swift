extension AssetFormPage {
    /// What the asset form reads: the members who may hold an asset, and the inventory (for the
    /// recovery choices and the recovery check).
    struct Query: Sendable {
        let members: [AssociationQueries.MemberRow]
        let stored: [InventoryQueries.Stored]

        static func load(_ access: InventoryAccess, services: AppServices) async throws -> Query {
            let id = access.associationID
            return try await services.database.read { sql in
                Query(
                    members: try await AssociationQueries.members(of: id, in: sql),
                    stored: try await InventoryQueries.all(of: id, in: sql))
            }
        }
    }
}
