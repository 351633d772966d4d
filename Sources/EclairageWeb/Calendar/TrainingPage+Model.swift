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
        /// One registration for every session to come, when there are several.
        let cycle: Cycle?
        /// For an editor: which vetted body awards badges to the attendees (nil when none is vetted).
        let badgeAssignment: BadgeAssignment?

        struct BadgeAssignment: Sendable {
            let action: String
            let bodies: [SelectOption]
        }

        struct Cycle: Sendable {
            let count: String
            let action: String
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
            /// What was sent to this session's form and refused (empty for the others): a refused
            /// registration comes back in the form it was sent from, not in every session's.
            let form: FormState
        }

        /// `form` is shown back in the form of session `formSession` only.
        init(
            _ query: Query, form: FormState, formSession: String? = nil, now: Int64, services: AppServices,
            context: AppRequestContext
        ) {
            let (training, place) = (query.training, query.place.place)
            let views = services.views
            let organises = query.organises
            let language = context.language
            title = training.title
            kind = views.text("calendar.kind_\(training.kind)", context)
            description = training.description
            location =
                training.location.isEmpty ? CalendarMail.address(of: place) : training.location
            onlineURL = training.onlineUrl
            themes = services.questionnaire.themes.filter { training.themeList.contains($0.id) }.map(\.title)
            needs = services.catalogue.needs.filter { training.needList.contains($0.id) }.map {
                LinkView(title: $0.name, link: SiteURL.need($0.id).path)
            }
            self.organiser = place.name
            organiserLink = SiteURL.place(query.place.id).path
            sessions = query.sessions.map { session in
                let counts = query.counts.filter { $0.sessionId == session.id }
                let held = counts.filter { RegistrationRow.holding.contains($0.status) }.map(\.n).reduce(0, +)
                let waiting = counts.filter { $0.status == RegistrationRow.waiting }.map(\.n).reduce(0, +)
                let left = max(0, session.capacity - held)
                let seats =
                    left > 0
                    ? views.plural(
                        "calendar.seats_left", count: left, context, ["capacity": String(session.capacity)])
                    : views.plural("calendar.seats_full", count: waiting, context)
                return Session(
                    when: DateFormatting.weekdayAndTime(session.startsAt, language: language) + " – "
                        + DateFormatting.time(session.endsAt, language: language),
                    cancelled: session.cancelled != 0, past: session.startsAt <= now, seats: seats,
                    action: SiteURL.sessionRegister(session.id).path,
                    registrantsLink: organises ? SiteURL.sessionRegistrants(session.id).path : nil,
                    inputPrefix: "s-\(session.id)", form: session.id == formSession ? form : .empty
                )
            }
            feedLink = SiteURL.trainingFeed(training.id).path
            editLink = organises ? SiteURL.trainingEdit(training.id).path : nil
            let open = query.sessions.filter { $0.cancelled == 0 && $0.startsAt > now }.count
            cycle =
                open > 1
                ? Cycle(
                    count: views.plural("calendar.cycle_count", count: open, context),
                    action: SiteURL.trainingRegister(training.id).path, form: formSession == "cycle" ? form : .empty)
                : nil
            badgeAssignment =
                query.badgeBodies.isEmpty
                ? nil
                : BadgeAssignment(
                    action: SiteURL.trainingBadges(training.id).path,
                    bodies: query.badgeBodies.map {
                        SelectOption(value: $0.id, label: $0.name, selected: $0.id == query.assignedBody)
                    })
        }
    }
}
