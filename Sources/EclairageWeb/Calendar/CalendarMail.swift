import EclairageDomain
import Foundation
import SQLKit

/// The messages of the calendar, in French (registrants have no account and no language setting):
/// each carries the session as an iCalendar invitation (METHOD:REQUEST) or cancellation
/// (METHOD:CANCEL) with the session's UID, so a calendar application updates the same event.
/// A registrant's link is stored only as a hash: a message carries the link the person has just used
/// when there is one, else a new link, issued for it (`issueLink`), which replaces the previous one.
struct CalendarMail {
    let translations: Translations
    let baseURL: String
    let mailFrom: MailAddress
    let tokens: TokenSource

    init(translations: Translations, baseURL: String, mailFrom: MailAddress, tokens: TokenSource) {
        self.translations = translations
        self.baseURL = baseURL
        self.mailFrom = mailFrom
        self.tokens = tokens
    }

    init(_ services: AppServices) {
        self.init(
            translations: services.views.translations, baseURL: services.configuration.baseURL,
            mailFrom: services.configuration.mailFrom,
            tokens: services.tokens)
    }

    /// A new link for the registration (the one in earlier messages stops working): the token in clear
    /// exists only in the message.
    func issueLink(for row: RegistrationRow, in sql: any SQLDatabase) async throws -> String {
        let token = tokens.random()
        try await RegistrationQueries.setTokenHash(TokenHash.of(token), of: row.id, in: sql)
        return token
    }

    struct Context: Sendable {
        let training: TrainingRow
        let session: SessionRow
        let place: Place
    }

    static func event(_ context: Context, baseURL: String, trainingID: String) -> CalendarEvent {
        let place = context.place
        let host = URL(string: baseURL)?.host ?? "eclairage"
        let location = context.training.location.isEmpty ? Self.address(of: place) : context.training.location
        return CalendarEvent(
            uid: "seance-\(context.session.id)@\(host)", sequence: context.session.sequence,
            start: context.session.startsAt, end: context.session.endsAt,
            summary: context.training.title, description: context.training.description,
            location: context.training.onlineUrl.map { location.isEmpty ? $0 : "\(location) — \($0)" } ?? location,
            url: baseURL + SiteURL.training(trainingID).path, cancelled: context.session.cancelled != 0,
            organizerName: place.name,
            lastModified: context.session.updatedAt, categories: [context.training.kind],
            geo: place.latitude.flatMap { lat in place.longitude.map { GeoPoint(latitude: lat, longitude: $0) } }
        )
    }

    /// The place's address as a calendar and a page show it, with its complement ("Bâtiment B").
    static func address(of place: Place) -> String {
        let extra = place.addressExtra.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        return ([place.address] + (extra.map { [$0] } ?? []) + ["\(place.postcode) \(place.commune)"])
            .joined(separator: ", ")
    }

    func message(for event: WaitingList.Event, _ context: Context, token: String, now: Int64) -> MailMessage {
        let (key, row, method): (String, RegistrationRow, ICalendarMethod?) =
            switch event {
            case .confirmed(let row): ("confirmed", row, .request)
            case .waiting(let row, _): ("waiting", row, nil)
            case .offered(let row): ("offered", row, nil)
            case .promoted(let row): ("promoted", row, .request)
            }
        var values = [
            "name": row.name, "title": context.training.title, "place": context.place.name,
            "when": DateFormatting.weekdayAndTime(context.session.startsAt, language: .fr),
            "link": baseURL + SiteURL.registration(token: token).path,
        ]
        if case .waiting(_, let position) = event { values["position"] = String(position) }
        if let until = row.offeredUntil { values["until"] = DateFormatting.weekdayAndTime(until, language: .fr) }
        return mail(key: key, to: row, values: values, context, method: method, now: now)
    }

    /// The session changed (time, place) or was cancelled: the registrant's calendar follows, and the
    /// message says what changed (`changes`, one line each).
    func update(
        _ row: RegistrationRow, _ context: Context, changes: [String] = [], now: Int64, in sql: any SQLDatabase
    ) async throws -> MailMessage {
        let token = try await issueLink(for: row, in: sql)
        let values = [
            "name": row.name, "title": context.training.title, "place": context.place.name,
            "when": DateFormatting.weekdayAndTime(context.session.startsAt, language: .fr),
            "link": baseURL + SiteURL.registration(token: token).path,
            "changes": changes.map { "– " + $0 }.joined(separator: "\n"),
        ]
        let cancelled = context.session.cancelled != 0
        // Someone waiting has no seat in their calendar: told of the change, without an invitation.
        let method: ICalendarMethod? =
            cancelled ? .cancel : RegistrationRow.holding.contains(row.status) ? .request : nil
        return mail(
            key: cancelled ? "cancelled" : "changed", to: row, values: values, context, method: method, now: now)
    }

    /// The person cancelled their registration: a confirmation, and the event taken out of their calendar
    /// (METHOD:CANCEL, same UID). A waiting person's calendar never had it: no attachment then.
    func withdrawn(_ row: RegistrationRow, held: Bool, _ context: Context, now: Int64) -> MailMessage {
        let values = [
            "name": row.name, "title": context.training.title, "place": context.place.name,
            "when": DateFormatting.weekdayAndTime(context.session.startsAt, language: .fr),
            "link": baseURL + SiteURL.training(context.training.id).path,
        ]
        return mail(key: "withdrawn", to: row, values: values, context, method: held ? .cancel : nil, now: now)
    }

    private func mail(
        key: String, to row: RegistrationRow, values: [String: String], _ context: Context, method: ICalendarMethod?,
        now: Int64
    ) -> MailMessage {
        var message = MailMessage(
            to: row.email, subject: translations.text("calendar.mail_\(key)_subject", .fr, values),
            body: translations.text("calendar.mail_\(key)_body", .fr, values)
        )
        if let method {
            var event = Self.event(context, baseURL: baseURL, trainingID: context.training.id)
            event.attendeeEmail = row.email
            event.attendeeName = row.name
            event.organizerEmail = mailFrom.address  // the address alone: `ORGANIZER;CN=<place>:mailto:<address>`
            let ics = ICalendar.document(
                events: [event], method: method, name: nil, productId: "-//Éclairage//Agenda//FR", now: now)
            message.attachment = .init(
                fileName: "seance.ics", contentType: "text/calendar; method=\(method.rawValue); charset=UTF-8",
                content: ics)
        }
        return message
    }
}
