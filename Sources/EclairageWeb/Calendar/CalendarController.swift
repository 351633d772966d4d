import EclairageDomain
import Foundation
import Hummingbird

/// The calendar: sessions to come with filters, and the iCalendar feeds (all or filtered, per training,
/// per organiser). Feeds keep cancelled sessions (STATUS:CANCELLED, higher SEQUENCE) so that
/// subscribed calendars learn of them; they go back 30 days. Feeds are kept whole (`ics`).
enum CalendarController {
    @Sendable static func feed(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        try await ics(
            CalendarSessions.Filter(request), name: services.views.text("calendar.feed_name", context),
            services: services)
    }

    @Sendable static func trainingFeed(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        var filter = CalendarSessions.Filter(request)
        filter.trainingID = try context.parameters.require("id")
        return try await ics(filter, name: nil, services: services)
    }

    @Sendable static func placeFeed(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        var filter = CalendarSessions.Filter(request)
        filter.placeID = try context.parameters.require("id")
        return try await ics(filter, name: nil, services: services)
    }

    /// The feed is kept whole as bytes in the page cache, keyed on the areas' versions, the day (it
    /// goes back 30 days) and the filter, with where its DTSTAMP values are: each request writes the
    /// time it is served there (DTSTAMP is when the file is produced), no other work.
    static func ics(_ filter: CalendarSessions.Filter, name: String?, services: AppServices) async throws -> Response {
        let now = services.time.now()
        let since = now - 30 * SeatPolicy.day
        let versions = try await DataVersions.read(services.database)
        let key = "ics|\(versions.key)|\(since / SeatPolicy.day)|\(filter.key)|\(name ?? "")"
        let kept = try await services.pageCache.entry(for: key) {
            let (_, items) = try await CalendarSessions.since(since, services: services)
            let base = services.configuration.baseURL
            let organizer = services.configuration.mailFrom.address
            let events = items.filter(filter.matches).map { item in
                var event = CalendarMail.event(
                    .init(training: item.training, session: item.session, place: item.place.place), baseURL: base,
                    trainingID: item.training.id)
                event.organizerEmail = organizer
                return event
            }
            let unstamped = ICalendar.document(
                events: events, method: .publish, name: name, productId: "-//Éclairage//Agenda//FR", now: 0)
            return PageCache.Entry(feed: unstamped)
        }
        guard let kept else { throw HTTPError(.internalServerError) }
        var body = kept.body
        let stamp = ICalendar.stampValue(now)
        for offset in kept.stamps { body.setString(stamp, at: body.readerIndex + offset) }
        return Response(status: .ok, headers: kept.headers, body: .init(byteBuffer: body))
    }
}

extension PageCache.Entry {
    /// A feed rendered with `now: 0`, with where its DTSTAMP values are.
    init(feed text: String) {
        let body = ByteBuffer(string: text)
        let prefix = "\r\nDTSTAMP:".utf8.count
        // The next line may start at this one's line break.
        let stamps = CachedPage.offsets(of: Array(ICalendar.unstampedLine.utf8), in: body, overlap: 2).map {
            $0 + prefix
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        self.init(status: .ok, headers: headers, body: body, formSlots: [], gzipped: nil, stamps: stamps)
    }
}
