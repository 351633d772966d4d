import EclairageDomain

/// What a support body's page reads for its advisors: the body, its team and place, and for every
/// association that granted access the figures its dashboard needs (a fixed number of queries,
/// whatever the number of associations).
extension SupportBodyPage {
    struct Query: Sendable {
        let body: SupportBody
        let advisors: [AdvisorQueries.Advisor]
        let places: [DirectoryQueries.BodyPlace]
        /// The associations that granted the body access.
        let grants: [DashboardQueries.Followed]
        let diagnostics: [DashboardQueries.Scored]
        let counts: [PlanQueries.Counts]
        let contacts: [NoteQueries.LastContact]
        let pendingRequests: Int

        /// nil when `userID` is not one of the body's advisors.
        static func load(body id: String, advisor userID: String, today: Day, services: AppServices) async throws
            -> Query?
        {
            try await services.database.read { sql in
                guard try await SupportBodyQueries.isAdvisor(userID: userID, of: id, in: sql),
                    let body = try await SupportBodyQueries.find(id: id, in: sql)
                else { return nil }
                let grants = try await DashboardQueries.followed(body: id, in: sql)
                let ids = grants.map(\.associationId)
                return Query(
                    body: body, advisors: try await AdvisorQueries.advisors(of: id, in: sql),
                    places: try await DirectoryQueries.placesOf(bodies: [id], in: sql), grants: grants,
                    diagnostics: try await DashboardQueries.diagnostics(associations: ids, in: sql),
                    counts: try await PlanQueries.counts(associations: ids, today: today.iso, in: sql),
                    contacts: try await NoteQueries.lastContacts(body: id, in: sql),
                    pendingRequests: try await AccessRequestQueries.pending(body: id, in: sql))
            }
        }

        /// One line per association, in the order the dashboard shows them.
        func followed(today: Day) -> [FollowedAssociation] {
            // Rows come newest first: keep the two latest with an overall score.
            var scored: [String: [ScoreSummary]] = [:]
            for row in diagnostics where scored[row.associationId, default: []].count < 2 {
                guard let summary = row.summary, summary.overall != nil else { continue }
                scored[row.associationId, default: []].append(summary)
            }
            let countsOf = Dictionary(counts.map { ($0.associationId, $0) }) { first, _ in first }
            let contactOf = Dictionary(contacts.map { ($0.associationId, $0.last) }) { first, _ in first }
            let list = grants.map { grant in
                let snapshots = scored[grant.associationId] ?? []
                return FollowedAssociation(
                    id: grant.associationId, name: grant.name, unseenRequest: grant.seenAt == nil,
                    latest: snapshots.first, previous: snapshots.dropFirst().first,
                    openSteps: countsOf[grant.associationId]?.open ?? 0,
                    overdueSteps: countsOf[grant.associationId]?.overdue ?? 0,
                    lastContact: contactOf[grant.associationId].flatMap(Day.init(iso:)))
            }
            return FollowedAssociation.byAttention(list, today: today)
        }
    }
}
