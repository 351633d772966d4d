import EclairageDomain
import Hummingbird

/// One registration for every session to come of a training (a weekly cycle): one form, one submit;
/// each session gives its seat or its place in the queue as a single registration would, and each
/// sends its own message (with its invitation and its link to cancel that session alone).
enum CycleRegistrationController {
    @Sendable static func register(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let trainingID = try context.parameters.require("id")
        let form = try context.decodeForm(RegistrationFormBody.self)
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = EmailAddress.normalise(form.email)
        let now = services.time.now()
        let loaded = try await services.database.read { sql -> (TrainingRow, [SessionRow])? in
            guard let training = try await CalendarQueries.training(trainingID, in: sql) else { return nil }
            return (training, try await CalendarQueries.sessions(of: trainingID, in: sql))
        }
        guard let (training, sessions) = loaded else { throw PageError.notFound }
        let open = sessions.filter { $0.cancelled == 0 && $0.startsAt > now }
        var errors = FieldErrors()
        if name.isEmpty || name.count > 100 { errors["name"] = "calendar.name_required" }
        if !EmailAddress.isPlausible(email) { errors["email"] = "signup.email_invalid" }
        let values = ["name": form.name, "email": form.email]
        guard errors.isEmpty else {
            return try await TrainingController.render(
                trainingID, context: context, services: services,
                form: RegistrationController.sessionForm(
                    "cycle", values: values, messages: errors.byField.mapValues { services.views.text($0, context) }),
                session: "cycle", status: .unprocessableContent)
        }
        let desk = try await services.database.read {
            try await OrganiserAccess.organises(place: training.placeId, context.identity, in: $0)
        }
        let address = desk ? "account-\(context.identity?.id ?? "")" : ClientAddress.of(request, context: context)
        if let refusal = try await RateLimiter(services).attempt(.registration, from: address, to: email) {
            return try await TrainingController.render(
                trainingID, context: context, services: services,
                form: RegistrationController.sessionForm(
                    "cycle", values: values,
                    messages: [
                        "email": FormLimit.registration.message(refusal, views: services.views, context: context)
                    ]),
                session: "cycle", status: .tooManyRequests)
        }
        let mail = CalendarMail(services)
        let tokens = services.tokens
        let registered = try await services.database.transaction { sql -> Int in
            var registered = 0
            for session in open {
                let token = tokens.random()
                do {
                    let event = try await WaitingList.register(
                        name: name, email: email, session: session.id, tokenHash: TokenHash.of(token), now: now,
                        tokens: tokens, in: sql)
                    try await CalendarMailing.send(
                        [event], sessionID: session.id, mail: mail, known: [event.registration.id: token], now: now,
                        in: sql)
                    registered += 1
                } catch is WaitingList.Refusal {
                    continue  // already registered for this one: the others still count
                }
            }
            try await VersionQueries.bump(.calendar, in: sql)
            return registered
        }
        return redirect(
            to: .training(trainingID),
            flash: registered > 0 ? "calendar.cycle_registered" : "calendar.already_registered")
    }
}
