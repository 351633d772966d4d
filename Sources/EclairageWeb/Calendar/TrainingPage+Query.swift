import EclairageDomain

extension TrainingPage {
    /// A training with its sessions, the seats they hold by status, and its organiser.
    struct Query: Sendable {
        let training: TrainingRow
        let sessions: [SessionRow]
        let counts: [CalendarQueries.SeatCount]
        let place: DirectoryIndex.Entry
        /// Whether the visitor organises the training's place (an editor, or one of its managers).
        let organises: Bool
        /// For an editor: the vetted bodies that may award badges for it, and the one assigned.
        var badgeBodies: [SupportBody] = []
        var assignedBody: String?

        static func load(_ id: String, user: User?, services: AppServices) async throws -> Query {
            let loaded = try await services.database.read {
                sql -> (TrainingRow, [SessionRow], [CalendarQueries.SeatCount], Bool)? in
                guard let training = try await CalendarQueries.training(id, in: sql) else { return nil }
                let sessions = try await CalendarQueries.sessions(of: id, in: sql)
                return (
                    training, sessions, try await CalendarQueries.seatCounts(sessions.map(\.id), in: sql),
                    try await OrganiserAccess.organises(place: training.placeId, user, in: sql)
                )
            }
            let index = try await services.directory.current(services.database)
            guard let (training, sessions, counts, organises) = loaded, let place = index.entry(id: training.placeId)
            else {
                throw PageError.notFound
            }
            var query = Query(
                training: training, sessions: sessions, counts: counts, place: place, organises: organises)
            if user?.editor == true {
                (query.badgeBodies, query.assignedBody) = try await services.database.read { sql in
                    (
                        try await SupportBodyQueries.vetted(in: sql),
                        try await BadgeQueries.assignedBody(of: id, in: sql)
                    )
                }
            }
            return query
        }
    }
}
