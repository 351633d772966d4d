import EclairageDomain
import Hummingbird

/// A training's page: what it is, who organises it, its sessions with the seats left, and a form to
/// register for each session to come (no account needed).
enum TrainingController {
    struct Content: Sendable {
        let title: String
        let kind: String
        let description: String
        let location: String
        let onlineURL: String?
        let themes: [String]
        let needs: [LinkView]
        let organiser: String
        let organiserLink: String
        let sessions: [Session]
        let feedLink: String
        let editLink: String?
        let form: FormState
    }

    struct Session: Sendable {
        let when: String
        let cancelled: Bool
        let past: Bool
        let seats: String
        let action: String
        let registrantsLink: String?
        let inputPrefix: String
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        try await render(try context.parameters.require("id"), context: context, services: services, form: .empty)
    }

    static func render(
        _ id: String, context: AppRequestContext, services: AppServices, form: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let loaded = try await services.database.read {
            sql -> (TrainingRow, [SessionRow], [CalendarQueries.SeatCount])? in
            guard let training = try await CalendarQueries.training(id, in: sql) else { return nil }
            let sessions = try await CalendarQueries.sessions(of: id, in: sql)
            return (training, sessions, try await CalendarQueries.seatCounts(sessions.map(\.id), in: sql))
        }
        let index = try await services.directory.current(services.database)
        guard let (training, sessions, counts) = loaded, let place = index.entry(id: training.placeId) else {
            throw PageError.notFound
        }
        let now = services.time.now()
        let views = services.views
        let editor = context.identity?.editor == true
        let language = context.language
        let content = Content(
            title: training.title, kind: views.text("calendar.kind_\(training.kind)", context),
            description: training.description,
            location: training.location.isEmpty
                ? "\(place.place.address), \(place.place.postcode) \(place.place.commune)" : training.location,
            onlineURL: training.onlineUrl,
            themes: services.questionnaire.themes.filter { training.themeList.contains($0.id) }.map(\.title),
            needs: services.catalogue.needs.filter { training.needList.contains($0.id) }.map {
                LinkView(title: $0.name, link: SiteURL.need($0.id).path)
            },
            organiser: place.place.name, organiserLink: SiteURL.place(place.id).path,
            sessions: sessions.map { session in
                let held = counts.filter { $0.sessionId == session.id && RegistrationRow.holding.contains($0.status) }
                    .map(\.n).reduce(0, +)
                let waiting = counts.filter { $0.sessionId == session.id && $0.status == RegistrationRow.waiting }.map(
                    \.n
                ).reduce(0, +)
                let left = max(0, session.capacity - held)
                let seats =
                    left > 0
                    ? views.text(
                        "calendar.seats_left", context, ["n": String(left), "capacity": String(session.capacity)])
                    : views.text("calendar.seats_full", context, ["n": String(waiting)])
                return Session(
                    when: DateFormatting.dayAndTime(session.startsAt, language: language) + " – "
                        + DateFormatting.time(session.endsAt, language: language),
                    cancelled: session.cancelled != 0, past: session.startsAt <= now, seats: seats,
                    action: SiteURL.sessionRegister(session.id).path,
                    registrantsLink: editor ? SiteURL.sessionRegistrants(session.id).path : nil,
                    inputPrefix: "s-\(session.id)"
                )
            },
            feedLink: SiteURL.trainingFeed(id).path, editLink: editor ? SiteURL.trainingEdit(id).path : nil, form: form
        )
        return views.render(
            "training", title: "calendar.training_title", titleValues: ["name": training.title], content: content,
            context: context, status: status)
    }
}
