extension HandoverPrintPage {
    /// What the printable record reads: the handover, when it is the association's, and its items.
    struct Query: Sendable {
        let handover: HandoverQueries.HandoverRow
        let items: [HandoverQueries.ItemRow]

        /// Nil when the association has no such handover.
        static func load(_ handoverID: String, access: InventoryAccess, services: AppServices) async throws -> Query? {
            let id = access.associationID
            return try await services.database.read { sql in
                guard let handover = try await HandoverQueries.find(handoverID, association: id, in: sql) else {
                    return nil
                }
                return Query(handover: handover, items: try await HandoverQueries.items(of: handoverID, in: sql))
            }
        }
    }
}
