import EclairageDomain
import Hummingbird

extension CalendarController {
    struct ListContent: Sendable {
        let sessions: [SessionItem]
        let count: Int
        let themes: [DirectoryListContent.Option]
        let departements: [DirectoryListContent.Option]
        let kinds: [DirectoryListContent.Option]
        let feedLink: String
        let action = SiteURL.calendar.path
        let newLink: String?
        let nextPage: String?
        let previousPage: String?
    }

    struct SessionItem: Sendable {
        let title: String
        let link: String
        let when: String
        let place: String
        let cancelled: Bool
        let kind: String
    }

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let filter = Filter(request)
        let now = services.time.now()
        let page = request.uri.queryParameters["page"].flatMap { Int(String($0)) }.map { max(1, min($0, 200)) } ?? 1
        let (_, all) = try await items(since: now, services: services)
        let matching = all.filter(filter.matches)
        let views = services.views
        let language = context.language
        let themeIDs = Set(all.flatMap(\.training.themeList))
        let departementCodes = Set(all.compactMap(\.place.departement))
        let start = (page - 1) * pageSize
        let content = ListContent(
            sessions: matching.dropFirst(start).prefix(pageSize).map { item in
                SessionItem(
                    title: item.training.title, link: SiteURL.training(item.training.id).path,
                    when: DateFormatting.dayAndTime(item.session.startsAt, language: language),
                    place: "\(item.place.place.name), \(item.place.place.commune)",
                    cancelled: item.session.cancelled != 0,
                    kind: views.text("calendar.kind_\(item.training.kind)", context)
                )
            },
            count: matching.count,
            themes: services.questionnaire.themes.filter { themeIDs.contains($0.id) }.map {
                .init(value: $0.id, label: $0.title, count: 0, selected: filter.theme == $0.id)
            },
            departements: services.departements.filter { departementCodes.contains($0.code) }.map {
                .init(
                    value: $0.code, label: "\($0.code) – \($0.name)", count: 0, selected: filter.departement == $0.code)
            },
            kinds: TrainingRow.kinds.map {
                .init(
                    value: $0, label: views.text("calendar.kind_\($0)", context), count: 0, selected: filter.kind == $0)
            },
            feedLink: SiteURL.calendarFeed.path + filter.query,
            newLink: context.identity?.editor == true ? SiteURL.newTraining.path : nil,
            nextPage: start + pageSize < matching.count
                ? SiteURL.calendar.path + Self.pageQuery(filter, page + 1) : nil,
            previousPage: page > 1 ? SiteURL.calendar.path + Self.pageQuery(filter, page - 1) : nil
        )
        return views.render("calendar", title: "calendar.title", content: content, context: context)
    }

    static func pageQuery(_ filter: Filter, _ page: Int) -> String {
        let base = filter.query
        guard page > 1 else { return base }
        return base + (base.isEmpty ? "?" : "&") + "page=\(page)"
    }
}
