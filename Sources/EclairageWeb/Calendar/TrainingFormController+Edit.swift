import EclairageDomain
import Hummingbird
import SQLKit

extension TrainingFormController {
    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        let loaded = try await services.database.read { sql in
            (try await CalendarQueries.training(id, in: sql), try await CalendarQueries.sessions(of: id, in: sql))
        }
        guard let training = loaded.0 else { throw PageError.notFound }
        let index = try await services.directory.current(services.database)
        let values = [
            "place": training.placeId, "title": training.title, "kind": training.kind,
            "description": training.description, "location": training.location,
            "online_url": training.onlineUrl ?? "", "capacity": String(loaded.1.last?.capacity ?? 12),
        ]
        return services.views.render(
            "training-form", title: "calendar.edit_title", titleValues: ["name": training.title],
            content: content(
                FormState(values: values, errors: [:], errorList: []), action: .trainingEdit(id), creating: false,
                placeName: index.entry(id: training.placeId)?.place.name, themes: training.themeList,
                needs: training.needList, sessions: loaded.1, trainingID: id,
                services: services, context: context
            ), context: context)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        let form = TrainingForm(context.form)
        let themes = form.themes.filter { id in services.questionnaire.themes.contains { $0.id == id } }
        let needs = form.needs.filter { id in services.catalogue.needs.contains { $0.id == id } }
        let now = services.time.now()
        guard
            let (training, sessions) = try await services.database.read({ sql -> (TrainingRow, [SessionRow])? in
                guard let training = try await CalendarQueries.training(id, in: sql) else { return nil }
                return (training, try await CalendarQueries.sessions(of: id, in: sql))
            })
        else { throw PageError.notFound }
        var (checked, errors) = form.check(creating: false, now: now)
        let upcoming = sessions.filter { $0.startsAt > now && $0.cancelled == 0 }
        let held = try await services.database.read { try await CalendarQueries.seatCounts(upcoming.map(\.id), in: $0) }
            .filter { RegistrationRow.holding.contains($0.status) }
        if let checked,
            let most = Dictionary(grouping: held, by: \.sessionId).values.map({ $0.map(\.n).reduce(0, +) }).max(),
            checked.capacity < most
        {
            errors["capacity"] = "calendar.capacity_below_registered"
        }
        let index = try await services.directory.current(services.database)
        guard let checked, errors.isEmpty else {
            let state = FormState(
                values: form.values, errors: errors, order: TrainingForm.order, views: services.views, context: context)
            return services.views.render(
                "training-form", title: "calendar.edit_title", titleValues: ["name": training.title],
                content: content(
                    state, action: .trainingEdit(id), creating: false,
                    placeName: index.entry(id: training.placeId)?.place.name, themes: themes,
                    needs: needs, sessions: sessions, trainingID: id, services: services, context: context
                ), context: context, status: .unprocessableContent)
        }
        var changed = training
        changed.title = checked.title
        changed.kind = checked.kind
        changed.description = checked.description
        changed.location = checked.location
        changed.onlineUrl = checked.onlineURL
        changed.themes = themes.joined(separator: "|")
        changed.needs = needs.joined(separator: "|")
        changed.updatedAt = now
        // What a participant's calendar shows: a change there is material.
        let material =
            changed.title != training.title || changed.location != training.location
            || changed.onlineUrl != training.onlineUrl
            || changed.description != training.description
        let mail = CalendarMail(services)
        guard let place = index.entry(id: training.placeId) else { throw PageError.notFound }
        let saved = changed
        try await services.database.transaction { sql in
            try await CalendarQueries.update(saved, in: sql)
            for var session in upcoming {
                let grew = checked.capacity > session.capacity
                session.capacity = checked.capacity
                if material { session.sequence += 1 }
                session.updatedAt = now
                try await CalendarQueries.updateSession(session, in: sql)
                if material {
                    let context = CalendarMail.Context(training: saved, session: session, place: place.place)
                    for row in try await RegistrationQueries.all(of: session.id, in: sql)
                    where RegistrationRow.holding.contains(row.status) {
                        try await Outbox.enqueue(
                            try await mail.update(row, context, now: now, in: sql), now: now, in: sql)
                    }
                }
                if grew {
                    let events = try await WaitingList.fillFreedSeats(session.id, now: now, in: sql)
                    try await CalendarMailing.send(events, sessionID: session.id, mail: mail, now: now, in: sql)
                }
            }
            try await DirectoryQueries.bumpVersion(in: sql)
        }
        return redirect(to: .training(id), flash: "calendar.updated")
    }

    /// The session stays in the calendar and in feeds, cancelled, with a higher sequence; each
    /// registrant's calendar receives the cancellation.
    @Sendable static func cancelSession(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        _ = try context.requireEditor()
        let sessionID = try context.parameters.require("id")
        let now = services.time.now()
        let index = try await services.directory.current(services.database)
        let mail = CalendarMail(services)
        let trainingID: String = try await services.database.transaction { sql in
            guard var session = try await CalendarQueries.lockSession(sessionID, in: sql),
                let training = try await CalendarQueries.training(session.trainingId, in: sql),
                let place = index.entry(id: training.placeId)
            else { throw PageError.notFound }
            guard session.cancelled == 0 else { return training.id }
            session.cancelled = 1
            session.sequence += 1
            session.updatedAt = now
            try await CalendarQueries.updateSession(session, in: sql)
            let context = CalendarMail.Context(training: training, session: session, place: place.place)
            for row in try await RegistrationQueries.all(of: sessionID, in: sql)
            where [RegistrationRow.confirmed, RegistrationRow.offered, RegistrationRow.waiting].contains(row.status) {
                try await Outbox.enqueue(try await mail.update(row, context, now: now, in: sql), now: now, in: sql)
            }
            try await DirectoryQueries.bumpVersion(in: sql)
            return training.id
        }
        return redirect(to: .trainingEdit(trainingID), flash: "calendar.session_cancelled_done")
    }
}
