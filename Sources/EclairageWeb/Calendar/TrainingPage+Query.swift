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
        let badgeBodies: [SupportBody]
        let assignedBody: String?

        static func load(_ id: String, user: User?, services: AppServices) async throws -> Query {
            let editor = user?.editor == true
            let loaded = try await services.database.read {
                sql -> (TrainingRow, [SessionRow], [CalendarQueries.SeatCount], Bool, [SupportBody], String?)? in
                guard let training = try await CalendarQueries.training(id, in: sql) else { return nil }
                let sessions = try await CalendarQueries.sessions(of: id, in: sql)
                return (
                    training, sessions, try await CalendarQueries.seatCounts(sessions.map(\.id), in: sql),
                    try await OrganiserAccess.organises(place: training.placeId, user, in: sql),
                    editor ? try await SupportBodyQueries.vetted(in: sql) : [],
                    editor ? try await BadgeQueries.assignedBody(of: id, in: sql) : nil
                )
            }
            let index = try await services.directory.current(services.database)
            guard let (training, sessions, counts, organises, bodies, assigned) = loaded,
                let place = index.entry(id: training.placeId)
            else {
                throw PageError.notFound
            }
            return Query(
                training: training, sessions: sessions, counts: counts, place: place, organises: organises,
                badgeBodies: bodies, assignedBody: assigned)
        }
    }
}
