import EclairageDomain

/// A training's page: what it is, who organises it, its sessions with the seats left, and a form to
/// register for each session to come.
enum TrainingPage {
    struct Model: Sendable {
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

        struct Session: Sendable {
            let when: String
            let cancelled: Bool
            let past: Bool
            let seats: String
            let action: String
            let registrantsLink: String?
            let inputPrefix: String
        }

        init(_ query: Query, form: FormState, now: Int64, services: AppServices, context: AppRequestContext) {
            let (training, place) = (query.training, query.place.place)
            let views = services.views
            let editor = context.identity?.editor == true
            let language = context.language
            title = training.title
            kind = views.text("calendar.kind_\(training.kind)", context)
            description = training.description
            location =
                training.location.isEmpty ? "\(place.address), \(place.postcode) \(place.commune)" : training.location
            onlineURL = training.onlineUrl
            themes = services.questionnaire.themes.filter { training.themeList.contains($0.id) }.map(\.title)
            needs = services.catalogue.needs.filter { training.needList.contains($0.id) }.map {
                LinkView(title: $0.name, link: SiteURL.need($0.id).path)
            }
            organiser = place.name
            organiserLink = SiteURL.place(query.place.id).path
            sessions = query.sessions.map { session in
                let counts = query.counts.filter { $0.sessionId == session.id }
                let held = counts.filter { RegistrationRow.holding.contains($0.status) }.map(\.n).reduce(0, +)
                let waiting = counts.filter { $0.status == RegistrationRow.waiting }.map(\.n).reduce(0, +)
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
            }
            feedLink = SiteURL.trainingFeed(training.id).path
            editLink = editor ? SiteURL.trainingEdit(training.id).path : nil
            self.form = form
        }
    }
}
