import EclairageDomain
import SQLKit

/// The dashboard shows each association's figures: one access-log row per association shown, at most
/// once a French day per advisor ("vu dans le tableau de bord").
enum DashboardLog {
    static func record(_ query: SupportBodyPage.Query, user: User, now: Int64, services: AppServices) async throws {
        guard !query.grants.isEmpty else { return }
        let midnight = DateFormatting.parisMidnight(DateFormatting.parisDay(now))
        // Its own associations are not read as an advisor.
        @Sendable func unlogged(in sql: any SQLDatabase) async throws -> [DashboardQueries.Followed] {
            let skipped = try await DashboardQueries.loggedToday(user: user.id, since: midnight, in: sql)
                .union(try await AssociationQueries.memberships(of: user.id, in: sql).map(\.id))
            return query.grants.filter { !skipped.contains($0.associationId) }
        }
        // Most views come after the day's first one: a read finds nothing to write, without a write's lock.
        guard !(try await services.database.read { try await unlogged(in: $0) }).isEmpty else { return }
        try await services.database.transaction { sql in
            let entries = try await unlogged(in: sql).map {
                AccessLogQueries.Entry(
                    id: services.tokens.identifier(), associationId: $0.associationId, userId: user.id,
                    displayName: user.displayName, what: "dashboard", at: now, bodyName: query.body.name)
            }
            try await AccessLogQueries.insert(entries, in: sql)
        }
    }
}
