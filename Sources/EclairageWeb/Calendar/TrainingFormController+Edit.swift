import EclairageDomain
import Hummingbird

extension TrainingFormController {
    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let id = try context.parameters.require("id")
        let query = try await TrainingFormPage.Query.load(id, services: services)
        let training = query.training
        _ = try await OrganiserAccess.require(place: training.placeId, context: context, services: services)
        let values = TrainingFormBody(training, capacity: query.sessions.last?.capacity ?? 12).values
        return services.views.render(
            "training-form", title: "calendar.edit_title", titleValues: ["name": training.title],
            content: TrainingFormPage.Model(
                FormState(values: values, errors: [:], errorList: []), action: .trainingEdit(id), creating: false,
                placeName: query.place?.place.name, themes: training.themeList, needs: training.needList,
                sessions: query.sessions, trainingID: id, now: services.time.now(), services: services,
                context: context
            ), context: context)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let id = try context.parameters.require("id")
        let query = try await TrainingFormPage.Query.load(id, services: services)
        let training = query.training
        _ = try await OrganiserAccess.require(place: training.placeId, context: context, services: services)
        let form = try context.decodeForm(TrainingFormBody.self)
        let (themes, needs) = known(form, services)
        let now = services.time.now()
        var (checked, errors) = form.check(creating: false, now: now)
        let upcoming = query.sessions.filter { $0.startsAt > now && $0.cancelled == 0 }
        let held = try await services.database.read { try await CalendarQueries.seatCounts(upcoming.map(\.id), in: $0) }
            .filter { RegistrationRow.holding.contains($0.status) }
        if let checked,
            let most = Dictionary(grouping: held, by: \.sessionId).values.map({ $0.map(\.n).reduce(0, +) }).max(),
            checked.capacity < most
        {
            errors["capacity"] = "calendar.capacity_below_registered"
        }
        guard let checked, errors.isEmpty else {
            let state = FormState(
                values: form.values, errors: errors, order: TrainingFormBody.order, views: services.views,
                context: context)
            return services.views.render(
                "training-form", title: "calendar.edit_title", titleValues: ["name": training.title],
                content: TrainingFormPage.Model(
                    state, action: .trainingEdit(id), creating: false, placeName: query.place?.place.name,
                    themes: themes, needs: needs, sessions: query.sessions, trainingID: id, now: now,
                    services: services, context: context
                ), context: context, status: .unprocessableContent)
        }
        guard let place = query.place else { throw PageError.notFound }
        var changed = training
        changed.title = checked.title
        changed.kind = checked.kind
        changed.description = checked.description
        changed.location = checked.location
        changed.onlineUrl = checked.onlineURL
        changed.themes = themes.joined(separator: "|")
        changed.needs = needs.joined(separator: "|")
        changed.updatedAt = now
        let mail = CalendarMail(services)
        try await services.database.transaction { [changed] sql in
            try await TrainingChanges.save(
                changed, was: training, upcoming: upcoming, capacity: checked.capacity, place: place.place, mail: mail,
                now: now, in: sql)
        }
        return redirect(to: .training(id), flash: "calendar.updated_\(changed.kind)")
    }

    /// Asks before cancelling: the session, and how many people will be told.
    @Sendable static func confirmCancel(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let sessionID = try context.parameters.require("id")
        let (session, training) = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let rows = try await services.database.read { try await RegistrationQueries.all(of: sessionID, in: $0) }
        let told = rows.filter { TrainingChanges.told.contains($0.status) }.count
        return services.views.render(
            "session-cancel", title: "calendar.cancel_title", titleValues: ["name": training.title],
            content: SessionCancelPage.Model(
                session, training: training, told: told, cancelled: session.cancelled != 0, services: services,
                context: context),
            context: context)
    }

    /// The session stays in the calendar and in feeds, cancelled, with a higher sequence; each
    /// registrant's calendar receives the cancellation.
    @Sendable static func cancelSession(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let sessionID = try context.parameters.require("id")
        _ = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let now = services.time.now()
        let index = try await services.directory.current(services.database)
        let mail = CalendarMail(services)
        let trainingID = try await services.database.transaction { sql in
            try await TrainingChanges.cancel(session: sessionID, index: index, mail: mail, now: now, in: sql)
        }
        guard let trainingID else { throw PageError.notFound }
        return redirect(to: .trainingEdit(trainingID), flash: "calendar.session_cancelled_done")
    }
}
