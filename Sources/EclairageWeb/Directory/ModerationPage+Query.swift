import EclairageDomain

extension ModerationPage {
    /// The pending changes and the listings they change.
    struct Query: Sendable {
        let changes: [DirectoryQueries.ChangeRow]
        let places: [String: PlaceRow]

        static func pending(services: AppServices) async throws -> Query {
            let (changes, places) = try await services.database.read { sql in
                let changes = try await DirectoryQueries.pendingChanges(in: sql)
                return (changes, try await DirectoryQueries.places(ids: changes.map(\.placeId), in: sql))
            }
            return Query(changes: changes, places: Dictionary(places.map { ($0.id, $0) }) { a, _ in a })
        }
    }
}
