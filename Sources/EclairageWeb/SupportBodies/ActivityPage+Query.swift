import EclairageDomain

/// The reads of a support body's activity report for one period, for one of its advisors.
extension ActivityPage {
    struct Query: Sendable {
        let body: SupportBody
        let activity: BodyActivity

        /// nil when `userID` is not one of the body's advisors.
        static func load(
            body id: String, advisor userID: String, period: ReportPeriod, services: AppServices
        ) async throws -> Query? {
            let (first, end) = period.days
            let from = DateFormatting.parisMidnight(first)
            let to = DateFormatting.parisMidnight(end)
            let themeOf = Dictionary(services.questionnaire.steps.map { ($0.id, $0.theme) }) { a, _ in a }
            return try await services.database.read { sql in
                guard try await SupportBodyQueries.isAdvisor(userID: userID, of: id, in: sql),
                    let body = try await SupportBodyQueries.find(id: id, in: sql)
                else { return nil }
                let grants = try await GrantQueries.of(body: id, in: sql)
                let steps = try await ActivityQueries.closedSteps(
                    associations: grants.map(\.associationId), from: from, to: to, in: sql)
                let notes = try await ActivityQueries.noteMinutes(body: id, first: first.iso, end: end.iso, in: sql)
                let sessions = try await ActivityQueries.sessions(body: id, from: from, to: to, in: sql)
                let closings = try await ClosingQueries.of(body: id, from: from, to: to, in: sql)
                let activity = BodyActivity.of(
                    grantedAt: grants.map(\.grantedAt), periodStart: from, periodEnd: to,
                    steps: steps.map {
                        .init(
                            status: PlanStatus(rawValue: $0.status) ?? .done,
                            theme: $0.kind == "step" ? themeOf[$0.reference] : nil,
                            volunteerMinutes: $0.volunteerMinutes, advisorMinutes: $0.advisorMinutes)
                    }, noteMinutes: notes,
                    sessions: sessions.map {
                        .init(cancelled: $0.cancelled != 0, registered: $0.registered, attended: $0.attended)
                    }, closings: closings.map { .init(grantedAt: $0.grantedAt, closedAt: $0.closedAt) })
                return Query(body: body, activity: activity)
            }
        }
    }
}
