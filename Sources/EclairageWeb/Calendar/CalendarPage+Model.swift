import EclairageDomain

/// The calendar: the sessions to come that match the filters, a page at a time, with the filters' choices.
enum CalendarPage {
    static let pageSize = 20

    /// The sessions of page `page`.
    static func shown(_ all: [CalendarSessions.Item], filter: CalendarSessions.Filter, page: Int)
        -> ArraySlice<CalendarSessions.Item>
    {
        all.filter(filter.matches).dropFirst((page - 1) * pageSize).prefix(pageSize)
    }

    struct Model: Sendable {
        let sessions: [Session]
        let count: Int
        let themes: [FilterOption]
        let departements: [FilterOption]
        let kinds: [FilterOption]
        let feedLink: String
        let action = SiteURL.calendar.path
        let newLink: String?
        let nextPage: String?
        let previousPage: String?

        struct Session: Sendable {
            let title: String
            let link: String
            let when: String
            let place: String
            let cancelled: Bool
            let kind: String
            /// "3 places libres", "Complet", in words.
            let seats: String
        }

        /// Page `page` of the sessions in `all` that `filter` keeps; the filters offer only what `all` holds.
        init(
            _ all: [CalendarSessions.Item], filter: CalendarSessions.Filter, page: Int,
            counts: [CalendarQueries.SeatCount] = [], services: AppServices, context: AppRequestContext
        ) {
            let matching = all.filter(filter.matches)
            let views = services.views
            let themeIDs = Set(all.flatMap(\.training.themeList))
            let departementCodes = Set(all.compactMap(\.place.departement))
            let start = (page - 1) * pageSize
            sessions = matching.dropFirst(start).prefix(pageSize).map { item in
                let held = counts.filter {
                    $0.sessionId == item.session.id && RegistrationRow.holding.contains($0.status)
                }
                .map(\.n).reduce(0, +)
                let left = max(0, item.session.capacity - held)
                return Session(
                    title: item.training.title, link: SiteURL.training(item.training.id).path,
                    when: DateFormatting.weekdayAndTime(item.session.startsAt, language: context.language),
                    place: "\(item.place.place.name), \(item.place.place.commune)",
                    cancelled: item.session.cancelled != 0,
                    kind: views.text("calendar.kind_\(item.training.kind)", context),
                    seats: left > 0
                        ? views.plural("calendar.list_seats_left", count: left, context)
                        : views.text("calendar.list_full", context)
                )
            }
            count = matching.count
            themes = services.questionnaire.themes.filter { themeIDs.contains($0.id) }.map {
                .init(value: $0.id, label: $0.title, count: 0, selected: filter.theme == $0.id)
            }
            departements = services.departements.filter { departementCodes.contains($0.code) }.map {
                .init(
                    value: $0.code, label: "\($0.code) – \($0.name)", count: 0, selected: filter.departement == $0.code)
            }
            kinds = TrainingRow.kinds.map {
                .init(
                    value: $0, label: views.text("calendar.kind_\($0)", context), count: 0, selected: filter.kind == $0)
            }
            feedLink = SiteURL.calendarFeed.path + filter.query
            newLink = context.identity?.editor == true ? SiteURL.newTraining.path : nil
            nextPage = start + pageSize < matching.count ? SiteURL.calendar.path + filter.pageQuery(page + 1) : nil
            previousPage = page > 1 ? SiteURL.calendar.path + filter.pageQuery(page - 1) : nil
        }
    }
}
