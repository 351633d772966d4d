import EclairageDomain
import Hummingbird

/// Editors create and change trainings, and cancel sessions. A change people must know of (title,
/// place, link, time) raises the sessions' sequence and sends their calendars an update; a larger
/// capacity gives the new seats to those waiting; a cancelled session stays, marked cancelled.
enum TrainingFormController {
    struct Content: Sendable {
        let form: FormState
        let action: String
        let creating: Bool
        let placeName: String?
        let kinds: [DirectoryListContent.Option]
        let themes: [DirectoryListContent.Option]
        let needs: [DirectoryListContent.Option]
        let sessions: [SessionLine]
        let trainingLink: String?
    }

    struct SessionLine: Sendable {
        let when: String
        let cancelled: Bool
        let cancelAction: String
    }

    static func content(
        _ state: FormState, action: SiteURL, creating: Bool, placeName: String?, themes chosen: [String],
        needs chosenNeeds: [String] = [],
        sessions: [SessionRow] = [], trainingID: String? = nil, services: AppServices, context: AppRequestContext
    ) -> Content {
        Content(
            form: state, action: action.path, creating: creating, placeName: placeName,
            kinds: TrainingRow.kinds.map {
                .init(
                    value: $0, label: services.views.text("calendar.kind_\($0)", context), count: 0,
                    selected: state.values["kind"] == $0)
            },
            themes: services.questionnaire.themes.map {
                .init(value: $0.id, label: $0.title, count: 0, selected: chosen.contains($0.id))
            },
            needs: services.catalogue.needs.map {
                .init(value: $0.id, label: $0.name, count: 0, selected: chosenNeeds.contains($0.id))
            },
            sessions: sessions.map {
                .init(
                    when: DateFormatting.dayAndTime($0.startsAt, language: context.language),
                    cancelled: $0.cancelled != 0, cancelAction: SiteURL.sessionCancel($0.id).path)
            },
            trainingLink: trainingID.map { SiteURL.training($0).path }
        )
    }

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let placeID = request.uri.queryParameters["lieu"].map(String.init) ?? ""
        let index = try await services.directory.current(services.database)
        let state = FormState(
            values: [
                "place": placeID, "kind": "atelier", "duration": "120", "count": "1", "every": "0", "capacity": "12",
            ], errors: [:], errorList: [])
        return services.views.render(
            "training-form", title: "calendar.new_title",
            content: content(
                state, action: .newTraining, creating: true, placeName: index.entry(id: placeID)?.place.name,
                themes: [], services: services, context: context
            ), context: context)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let form = TrainingForm(context.form)
        let themes = form.themes.filter { id in services.questionnaire.themes.contains { $0.id == id } }
        let needs = form.needs.filter { id in services.catalogue.needs.contains { $0.id == id } }
        let now = services.time.now()
        let index = try await services.directory.current(services.database)
        var (checked, errors) = form.check(creating: true, now: now)
        let place = index.entry(id: form.place)
        if place == nil { errors["place"] = "calendar.place_unknown" }
        guard let checked, let place, errors.isEmpty else {
            let state = FormState(
                values: form.values, errors: errors, order: TrainingForm.order, views: services.views, context: context)
            return services.views.render(
                "training-form", title: "calendar.new_title",
                content: content(
                    state, action: .newTraining, creating: true, placeName: place?.place.name, themes: themes,
                    needs: needs, services: services, context: context
                ), context: context, status: .unprocessableContent)
        }
        let training = TrainingRow(
            id: services.tokens.identifier(), placeId: place.id, title: checked.title, description: checked.description,
            kind: checked.kind,
            themes: themes.joined(separator: "|"), location: checked.location, onlineUrl: checked.onlineURL,
            createdBy: user.id, createdAt: now, updatedAt: now,
            needs: needs.joined(separator: "|")
        )
        let sessions = checked.sessions.map {
            SessionRow(
                id: services.tokens.identifier(), trainingId: training.id, startsAt: $0.start, endsAt: $0.end,
                capacity: checked.capacity, sequence: 0, cancelled: 0, updatedAt: now)
        }
        try await services.database.transaction { sql in
            try await CalendarQueries.insert(training, sessions: sessions, in: sql)
            try await DirectoryQueries.bumpVersion(in: sql)
        }
        return redirect(to: .training(training.id), flash: "calendar.created")
    }
}
