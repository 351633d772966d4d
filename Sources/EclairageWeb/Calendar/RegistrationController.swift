import EclairageDomain
import Hummingbird

/// Registering for a session without an account, and the registrant's own page (reached by the link
/// in every message): their place in the queue, accepting or declining an offered seat, cancelling.
enum RegistrationController {
    @Sendable static func register(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let sessionID = try context.parameters.require("id")
        let form = try context.decodeForm(RegistrationFormBody.self)
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = EmailAddress.normalise(form.email)
        guard let session = try await services.database.read({ try await CalendarQueries.session(sessionID, in: $0) })
        else { throw PageError.notFound }
        var errors = FieldErrors()
        if name.isEmpty || name.count > 100 { errors["name"] = "calendar.name_required" }
        if !EmailAddress.isPlausible(email) { errors["email"] = "signup.email_invalid" }
        guard errors.isEmpty else {
            let state = FormState(
                values: ["name": name, "email": email], errors: errors, order: ["name", "email"], views: services.views,
                context: context)
            return try await TrainingController.render(
                session.trainingId, context: context, services: services, form: state, status: .unprocessableContent)
        }
        let address = ClientAddress.of(request, context: context)
        if let refusal = try await RateLimiter(services).attempt(.registration, from: address, to: email) {
            let message = FormLimit.registration.message(refusal, views: services.views, context: context)
            let state = FormState(
                values: ["name": name, "email": email], messages: ["email": message], views: services.views,
                context: context)
            return try await TrainingController.render(
                session.trainingId, context: context, services: services, form: state, status: .tooManyRequests)
        }
        let now = services.time.now()
        let mail = CalendarMail(services)
        let database = services.database
        let tokens = services.tokens
        do {
            let event = try await database.transaction { sql in
                let token = tokens.random()
                let event = try await WaitingList.register(
                    name: name, email: email, session: sessionID, tokenHash: TokenHash.of(token),
                    now: now, tokens: tokens, in: sql)
                try await CalendarMailing.send(
                    [event], sessionID: sessionID, mail: mail, known: [event.registration.id: token], now: now, in: sql)
                try await DirectoryQueries.bumpVersion(in: sql)
                return event
            }
            let flash = if case .confirmed = event { "calendar.registered" } else { "calendar.waiting" }
            return redirect(to: .training(session.trainingId), flash: flash)
        } catch let refusal as WaitingList.Refusal {
            let key =
                switch refusal {
                case .sessionOver: "calendar.session_over"
                case .sessionCancelled: "calendar.session_cancelled"
                case .alreadyRegistered: "calendar.already_registered"
                }
            return redirect(to: .training(session.trainingId), flash: key)
        }
    }
}
