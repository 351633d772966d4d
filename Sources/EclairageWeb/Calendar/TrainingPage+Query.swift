import EclairageDomain

extension TrainingPage {
    /// A training with its sessions, the seats they hold by status, and its organiser.
    struct Query: Sendable {
        let training: TrainingRow
        let sessions: [SessionRow]
        let counts: [CalendarQueries.SeatCount]
        let place: DirectoryIndex.Entry

        static func load(_ id: String, services: AppServices) async throws -> Query {
            let loaded = try await services.database.read {
                sql -> (TrainingRow, [SessionRow], [CalendarQueries.SeatCount])? in
                guard let training = try await CalendarQueries.training(id, in: sql) else { return nil }
                let sessions = try await CalendarQueries.sessions(of: id, in: sql)
                return (training, sessions, try await CalendarQueries.seatCounts(sessions.map(\.id), in: sql))
            }
            let index = try await services.directory.current(services.database)
            guard let (training, sessions, counts) = loaded, let place = index.entry(id: training.placeId) else {
                throw PageError.notFound
            }
            return Query(training: training, sessions: sessions, counts: counts, place: place)
        }
    }
}
