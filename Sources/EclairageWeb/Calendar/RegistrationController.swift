import EclairageDomain
import Hummingbird
import SQLKit

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
        let values = ["name": form.name, "email": form.email]
        guard errors.isEmpty else {
            let messages = errors.byField.mapValues { services.views.text($0, context) }
            return try await TrainingController.render(
                session.trainingId, context: context, services: services,
                form: sessionForm(sessionID, values: values, messages: messages), session: sessionID,
                status: .unprocessableContent)
        }
        // A desk (the place's manager or an editor, signed in) registers people for others: its allowance
        // is its account's, so a shared connection or a busy morning at the desk locks nobody out.
        let desk = try await services.database.read { sql in
            try await OrganiserAccess.organises(
                place: try await placeID(of: session, in: sql), context.identity, in: sql)
        }
        let address = desk ? "account-\(context.identity?.id ?? "")" : ClientAddress.of(request, context: context)
        if let refusal = try await RateLimiter(services).attempt(.registration, from: address, to: email) {
            let message = FormLimit.registration.message(refusal, views: services.views, context: context)
            return try await TrainingController.render(
                session.trainingId, context: context, services: services,
                form: sessionForm(sessionID, values: values, messages: ["email": message]), session: sessionID,
                status: .tooManyRequests)
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
                try await VersionQueries.bump(.calendar, in: sql)
                return event
            }
            let confirmed = if case .confirmed = event { true } else { false }
            let flash =
                desk
                ? (confirmed ? "calendar.desk_registered" : "calendar.desk_waiting")
                : (confirmed ? "calendar.registered" : "calendar.waiting")
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

    /// What was sent to one session's form, with its messages by field; the summary links to that
    /// session's fields (`s-<session>-name`).
    static func sessionForm(_ sessionID: String, values: [String: String], messages: [String: String]) -> FormState {
        let list = ["name", "email"].compactMap { field in
            messages[field].map { FormState.FieldMessage(field: "s-\(sessionID)-\(field)", message: $0) }
        }
        return FormState(values: values.mapValues { String($0.prefix(1000)) }, errors: messages, errorList: list)
    }

    static func placeID(of session: SessionRow, in sql: any SQLDatabase) async throws -> String {
        try await CalendarQueries.training(session.trainingId, in: sql)?.placeId ?? ""
    }
}
