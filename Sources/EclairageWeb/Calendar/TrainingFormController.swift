import EclairageDomain
import Hummingbird

/// Editors and places' managers create and change trainings, and cancel or move sessions (see
/// `TrainingChanges` for what a change does to the sessions and their registrants).
enum TrainingFormController {
    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let choice = try await organiserChoice(context, services: services)
        let placeID = request.queryFields["lieu"] ?? ""
        let chosen = choice.allowed.first { $0.id == placeID }
        let state = FormState(
            values: TrainingFormBody(newAt: chosen?.id ?? "").values, errors: [:], errorList: [])
        return services.views.render(
            "training-form", title: "calendar.new_title",
            content: TrainingFormPage.Model(
                state, action: .newTraining, creating: true, placeName: chosen?.place.name, themes: [],
                places: choice.listed, suggestions: choice.suggestions,
                services: services, context: context
            ), context: context)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let choice = try await organiserChoice(context, services: services)
        let user = try context.requireUser()
        let form = try context.decodeForm(TrainingFormBody.self)
        let (themes, needs) = known(form, services)
        let now = services.time.now()
        var (checked, errors) = form.check(creating: true, now: now)
        var place: DirectoryIndex.Entry?
        var offered = choice.listed
        switch choice.resolve(id: form.place, name: form.placeName) {
        case .found(let entry): place = entry
        case .several(let entries):
            offered = entries
            errors["place"] = "calendar.place_several"
        case .none:
            errors[offered.isEmpty ? "place_name" : "place"] =
                form.placeName.isEmpty ? "calendar.place_required" : "calendar.place_unknown"
        }
        guard let checked, let place, errors.isEmpty else {
            let state = FormState(
                values: form.values, errors: errors, order: TrainingFormBody.order, views: services.views,
                context: context)
            return services.views.render(
                "training-form", title: "calendar.new_title",
                content: TrainingFormPage.Model(
                    // A place typed by name stays in its field, to be changed; one given by id is named.
                    state, action: .newTraining, creating: true,
                    placeName: form.placeName.isEmpty && offered.isEmpty ? place?.place.name : nil, themes: themes,
                    needs: needs, places: offered, suggestions: choice.suggestions, services: services,
                    context: context
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
            try await VersionQueries.bump(.calendar, in: sql)
        }
        // An atelier is not "la formation": the message follows the kind.
        return redirect(to: .training(training.id), flash: "calendar.created_\(training.kind)")
    }

    /// The places the signed-in account may organise at: every published place for an editor, its own
    /// for a place's manager; anyone else is refused.
    static func organiserChoice(_ context: AppRequestContext, services: AppServices) async throws -> OrganiserChoice {
        _ = try context.requireUser()
        let allowed = try await OrganiserAccess.places(context, services: services)
        if let allowed, allowed.isEmpty { throw PageError.forbidden }
        return OrganiserChoice(index: try await services.directory.current(services.database), allowedIDs: allowed)
    }

    /// The ticked themes and needs the site knows (others are dropped).
    static func known(_ form: TrainingFormBody, _ services: AppServices) -> (themes: [String], needs: [String]) {
        (
            form.themes.filter { id in services.questionnaire.themes.contains { $0.id == id } },
            form.needs.filter { id in services.catalogue.needs.contains { $0.id == id } }
        )
    }
}
