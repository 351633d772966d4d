import EclairageDomain

/// The dashboard shows each association's figures: one access-log row per association shown, at most
/// once a French day per advisor ("vu dans le tableau de bord").
enum DashboardLog {
    static func record(_ query: SupportBodyPage.Query, user: User, now: Int64, services: AppServices) async throws {
        guard !query.grants.isEmpty else { return }
        let midnight = DateFormatting.parisMidnight(DateFormatting.parisDay(now))
        try await services.database.transaction { sql in
            // Its own associations are not read as an advisor.
            let skipped = try await DashboardQueries.loggedToday(user: user.id, since: midnight, in: sql)
                .union(try await AssociationQueries.memberships(of: user.id, in: sql).map(\.id))
            let entries = query.grants.filter { !skipped.contains($0.associationId) }.map {
                AccessLogQueries.Entry(
                    id: services.tokens.identifier(), associationId: $0.associationId, userId: user.id,
                    displayName: user.displayName, what: "dashboard", at: now, bodyName: query.body.name)
            }
            try await AccessLogQueries.insert(entries, in: sql)
        }
    }
}
