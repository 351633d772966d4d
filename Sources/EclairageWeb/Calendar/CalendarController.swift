import EclairageDomain
import Foundation
import Hummingbird

/// The calendar: sessions to come with filters, and the iCalendar feeds (all or filtered, per training,
/// per organiser). Feeds keep cancelled sessions (STATUS:CANCELLED, higher SEQUENCE) so that
/// subscribed calendars learn of them; they go back 30 days. Rendered text is cached on the
/// directory's version (every calendar write bumps it) and the day.
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

    static func ics(_ filter: CalendarSessions.Filter, name: String?, services: AppServices) async throws -> Response {
        let now = services.time.now()
        let since = now - 30 * SeatPolicy.day
        let directory = services.directory
        let versions = try await DataVersions.read(services.database)
        let key = "ics|\(versions.key)|\(since / SeatPolicy.day)|\(filter.key)"
        let text: String
        if let cached = directory.exportCache.value(for: key) {
            text = ICalendar.stamp(cached, now: now)
        } else {
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
            directory.exportCache.store(unstamped, for: key)
            text = ICalendar.stamp(unstamped, now: now)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
