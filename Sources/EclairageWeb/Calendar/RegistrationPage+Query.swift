import EclairageDomain

extension RegistrationPage {
    /// The registration a link opens, its session and training, and the session's other registrations.
    struct Query: Sendable {
        let registration: RegistrationRow
        let session: SessionRow
        let training: TrainingRow
        let all: [RegistrationRow]

        static func load(token: String, services: AppServices) async throws -> Query {
            let loaded = try await services.database.read { sql -> Query? in
                guard let row = try await RegistrationQueries.find(token: token, in: sql),
                    let session = try await CalendarQueries.session(row.sessionId, in: sql),
                    let training = try await CalendarQueries.training(session.trainingId, in: sql)
                else { return nil }
                return Query(
                    registration: row, session: session, training: training,
                    all: try await RegistrationQueries.all(of: session.id, in: sql))
            }
            guard let loaded else { throw PageError.notFound }
            return loaded
        }
    }
}
