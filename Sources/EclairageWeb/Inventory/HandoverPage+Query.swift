extension HandoverPage {
    /// What the handover page reads: every handover, the open one's items, and whether the inventory
    /// has anything to hand over.
    struct Query: Sendable {
        let handovers: [HandoverQueries.HandoverRow]
        let openItems: [HandoverQueries.ItemRow]
        let hasAssets: Bool

        var open: HandoverQueries.HandoverRow? { handovers.first { $0.completedAt == nil } }

        static func load(_ access: InventoryAccess, services: AppServices) async throws -> Query {
            let id = access.associationID
            return try await services.database.read { sql in
                let handovers = try await HandoverQueries.all(of: id, in: sql)
                let open = handovers.first { $0.completedAt == nil }
                return Query(
                    handovers: handovers,
                    openItems: open == nil ? [] : try await HandoverQueries.items(of: open!.id, in: sql),
                    hasAssets: !(try await InventoryQueries.all(of: id, in: sql)).isEmpty)
            }
        }
    }
}
