import EclairageDomain
import Hummingbird

extension CalendarController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let filter = CalendarSessions.Filter(request)
        let page = request.queryFields["page"].flatMap { Int(String($0)) }.map { max(1, min($0, 200)) } ?? 1
        let (_, all) = try await CalendarSessions.since(services.time.now(), services: services)
        let shown = CalendarPage.shown(all, filter: filter, page: page).map(\.session.id)
        let counts = try await services.database.read { try await CalendarQueries.seatCounts(shown, in: $0) }
        return services.views.render(
            "calendar", title: "calendar.title",
            content: CalendarPage.Model(
                all, filter: filter, page: page, counts: counts, services: services, context: context),
            context: context)
    }
}
