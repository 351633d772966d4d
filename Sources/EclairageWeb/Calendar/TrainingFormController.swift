import EclairageDomain
import Hummingbird

/// Editors create and change trainings, and cancel sessions (see `TrainingChanges` for what a change
/// does to the sessions and their registrants).
enum TrainingFormController {
    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let placeID = request.queryFields["lieu"] ?? ""
        let index = try await services.directory.current(services.database)
        let state = FormState(values: TrainingFormBody(newAt: placeID).values, errors: [:], errorList: [])
        return services.views.render(
            "training-form", title: "calendar.new_title",
            content: TrainingFormPage.Model(
                state, action: .newTraining, creating: true, placeName: index.entry(id: placeID)?.place.name,
                themes: [], services: services, context: context
            ), context: context)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let form = try context.decodeForm(TrainingFormBody.self)
        let (themes, needs) = known(form, services)
        let now = services.time.now()
        let index = try await services.directory.current(services.database)
        var (checked, errors) = form.check(creating: true, now: now)
        let place = index.entry(id: form.place)
        if place == nil { errors["place"] = "calendar.place_unknown" }
        guard let checked, let place, errors.isEmpty else {
            let state = FormState(
                values: form.values, errors: errors, order: TrainingFormBody.order, views: services.views,
                context: context)
            return services.views.render(
                "training-form", title: "calendar.new_title",
                content: TrainingFormPage.Model(
                    state, action: .newTraining, creating: true, placeName: place?.place.name, themes: themes,
                    needs: needs, services: services, context: context
                ), context: context, status: .unprocessableContent)
        }
        let training = TrainingRow(
            id: services.tokens.identifier(), placeId: place.id, title: checked.title, description: checked.description,
            kind: checked.kind, themes: themes.joined(separator: "|"), location: checked.location,
            onlineUrl: checked.onlineURL, createdBy: user.id, createdAt: now, updatedAt: now,
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

    /// The ticked themes and needs the site knows (others are dropped).
    static func known(_ form: TrainingFormBody, _ services: AppServices) -> (themes: [String], needs: [String]) {
        (
            form.themes.filter { id in services.questionnaire.themes.contains { $0.id == id } },
            form.needs.filter { id in services.catalogue.needs.contains { $0.id == id } }
        )
    }
}
