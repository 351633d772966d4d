import EclairageDomain

extension TrainingFormPage {
    /// A training being changed, with its sessions and its organiser.
    struct Query: Sendable {
        let training: TrainingRow
        let sessions: [SessionRow]
        let place: DirectoryIndex.Entry?

        static func load(_ id: String, services: AppServices) async throws -> Query {
            let loaded = try await services.database.read { sql -> (TrainingRow, [SessionRow])? in
                guard let training = try await CalendarQueries.training(id, in: sql) else { return nil }
                return (training, try await CalendarQueries.sessions(of: id, in: sql))
            }
            guard let (training, sessions) = loaded else { throw PageError.notFound }
            let index = try await services.directory.current(services.database)
            return Query(training: training, sessions: sessions, place: index.entry(id: training.placeId))
        }
    }
}
