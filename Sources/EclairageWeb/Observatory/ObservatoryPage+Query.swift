import EclairageDomain
import SQLKit

extension ObservatoryPage {
    /// What one observatory page reads: the cells of its territory and period, its territories' and
    /// periods' totals one level down, and when the year was last worked out.
    struct Query: Sendable {
        let territory: Territory
        let period: ObservatoryPeriod
        let cells: [CellRow]
        /// The associations and mean overall score of each territory one level down, same period.
        let children: [CellRow]
        /// The associations of each period one level down, same territory.
        let periods: [CellRow]
        let year: ObservatoryCubeQueries.YearRow?
        let published: Bool

        static func load(
            _ territory: Territory, _ period: ObservatoryPeriod, children: [Territory], in sql: any SQLDatabase
        ) async throws -> Query {
            let slug = territory.slug
            let cells = try await ObservatoryCubeQueries.cells(territories: [slug], periods: [period.slug], in: sql)
            let below = try await ObservatoryCubeQueries.cells(
                territories: children.map(\.slug), periods: [period.slug], tables: ["associations", "scores"], in: sql)
            let periods = try await ObservatoryCubeQueries.cells(
                territories: [slug], periods: period.children.map(\.slug), tables: ["associations"], in: sql)
            return Query(
                territory: territory, period: period, cells: cells,
                children: below.filter { $0.category.isEmpty || $0.category == ObservatoryCube.overall },
                periods: periods,
                year: try await ObservatoryCubeQueries.years(in: sql).first { $0.year == period.year },
                published: try await ObservatoryCubeQueries.published(in: sql).contains(slug))
        }
    }

    /// Who may read the observatory of a territory: anyone when the network has made it public; the
    /// network (editors, administrators) and the advisors of vetted support bodies always.
    static func mayRead(_ territory: Territory, context: AppRequestContext, services: AppServices) async throws -> Bool
    {
        if try await isNetwork(context: context, services: services) { return true }
        return try await services.database.read { try await ObservatoryCubeQueries.published(in: $0) }
            .contains(territory.slug)
    }

    static func isNetwork(context: AppRequestContext, services: AppServices) async throws -> Bool {
        guard let user = context.identity else { return false }
        if user.editor { return true }
        return try await services.advisesVettedBody(user.id)
    }
}
