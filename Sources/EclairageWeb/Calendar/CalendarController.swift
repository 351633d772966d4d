import EclairageDomain
import Foundation
import Hummingbird

/// The calendar: sessions to come with filters, and the iCalendar feeds (all or filtered, per training,
/// per organiser). Feeds keep cancelled sessions (STATUS:CANCELLED, higher SEQUENCE) so that
/// subscribed calendars learn of them; they go back 30 days. Rendered text is cached on the
/// directory's version (every calendar write bumps it) and the day.
enum CalendarController {
    static let pageSize = 20

    struct Item: Sendable {
        let session: SessionRow
        let training: TrainingRow
        let place: DirectoryIndex.Entry
    }

    struct Filter: Sendable {
        var departement: String?
        var theme: String?
        var need: String?
        var kind: String?
        var trainingID: String?
        var placeID: String?

        init(_ request: Request) {
            let params = request.uri.queryParameters
            func value(_ name: String) -> String? {
                params[Substring(name)].map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            departement = value("departement")
            theme = value("theme")
            need = value("besoin")
            kind = value("type")
        }

        func matches(_ item: Item) -> Bool {
            if let departement, item.place.departement != departement { return false }
            if let theme, !item.training.themeList.contains(theme) { return false }
            if let need, !item.training.needList.contains(need) { return false }
            if let kind, item.training.kind != kind { return false }
            if let trainingID, item.training.id != trainingID { return false }
            if let placeID, item.place.id != placeID { return false }
            return true
        }

        var query: String {
            QueryString.make([("departement", departement), ("theme", theme), ("besoin", need), ("type", kind)])
        }

        var key: String {
            "\(departement ?? "")|\(theme ?? "")|\(need ?? "")|\(kind ?? "")|\(trainingID ?? "")|\(placeID ?? "")"
        }
    }

    /// Sessions ending after `since`, with their training and organiser, in start order.
    static func items(since: Int64, services: AppServices) async throws -> (Int64, [Item]) {
        let index = try await services.directory.current(services.database)
        let (trainings, sessions) = try await services.database.read { sql in
            (try await CalendarQueries.all(in: sql), try await CalendarQueries.sessions(since: since, in: sql))
        }
        let byID = Dictionary(trainings.map { ($0.id, $0) }) { a, _ in a }
        let items = sessions.compactMap { session -> Item? in
            guard let training = byID[session.trainingId], let place = index.entry(id: training.placeId) else {
                return nil
            }
            return Item(session: session, training: training, place: place)
        }
        return (index.version, items)
    }

    @Sendable static func feed(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        try await ics(Filter(request), name: services.views.text("calendar.feed_name", context), services: services)
    }

    @Sendable static func trainingFeed(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        var filter = Filter(request)
        filter.trainingID = try context.parameters.require("id")
        return try await ics(filter, name: nil, services: services)
    }

    @Sendable static func placeFeed(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        var filter = Filter(request)
        filter.placeID = try context.parameters.require("id")
        return try await ics(filter, name: nil, services: services)
    }

    static func ics(_ filter: Filter, name: String?, services: AppServices) async throws -> Response {
        let now = services.time.now()
        let since = now - 30 * SeatPolicy.day
        let directory = services.directory
        let version = try await directory.current(services.database).version
        let key = "ics|\(version)|\(since / SeatPolicy.day)|\(filter.key)"
        let text: String
        if let cached = directory.exportCache.value(for: key) {
            text = cached
        } else {
            let (_, items) = try await items(since: since, services: services)
            let base = services.configuration.baseURL
            let events = items.filter(filter.matches).map { item in
                CalendarMail.event(
                    .init(training: item.training, session: item.session, place: item.place.place), baseURL: base,
                    trainingID: item.training.id)
            }
            text = ICalendar.document(
                events: events, method: .publish, name: name, productId: "-//Éclairage//Agenda//FR", now: since)
            directory.exportCache.store(text, for: key)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
