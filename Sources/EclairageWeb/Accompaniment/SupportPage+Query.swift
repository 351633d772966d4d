/// What the accompaniment page reads, in one transaction.
extension SupportPage {
    struct Query: Sendable {
        let grants: [GrantQueries.Grant]
        let requests: [AccessRequestQueries.Listed]
        let vetted: [SupportBody]
        let places: [DirectoryQueries.BodyPlace]

        static func load(_ associationID: String, services: AppServices) async throws -> Query {
            try await services.database.read { sql in
                let vetted = try await SupportBodyQueries.vetted(in: sql)
                return Query(
                    grants: try await GrantQueries.of(association: associationID, in: sql),
                    requests: try await AccessRequestQueries.of(association: associationID, in: sql),
                    vetted: vetted,
                    places: try await DirectoryQueries.placesOf(bodies: vetted.map(\.id), in: sql))
            }
        }
    }
}
