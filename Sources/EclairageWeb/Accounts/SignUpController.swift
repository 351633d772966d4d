import EclairageDomain
import Hummingbird
import HummingbirdAuth

/// Creating an account.
enum SignUpController {
    struct Content: Sendable {
        let form: FormState
        let action = SiteURL.signUp.path
        let signInLink = SiteURL.signIn.path
    }

    static let fields = ["display_name", "email", "password"]

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        if context.identity != nil { return redirect(to: .associations) }
        return services.views.render("sign-up", title: "signup.title", content: Content(form: .empty), context: context)
    }

    @Sendable static func submit(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let form = context.form
        let name = (form["display_name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = EmailAddress.normalise(form["email"] ?? "")
        let password = form["password"] ?? ""
        var errors = FieldErrors()
        var messages: [String: String] = [:]
        if name.isEmpty { errors["display_name"] = "signup.name_required" }
        if name.count > 100 { errors["display_name"] = "signup.name_too_long" }
        if !EmailAddress.isPlausible(email) { errors["email"] = "signup.email_invalid" }
        if let problem = services.passwordProblem(password, email: email, name: name) {
            messages["password"] = services.views.text(problem.key, context, problem.values)
        }
        if errors["email"] == nil, try await services.database.read({ try await UserQueries.find(email: email, in: $0) }) != nil {
            errors["email"] = "signup.email_taken"
        }
        guard errors.isEmpty, messages.isEmpty else {
            let state = FormState(values: form.fields, errors: errors, messages: messages, order: fields, views: services.views, context: context)
            return services.views.render("sign-up", title: "signup.title", content: Content(form: state), context: context, status: .unprocessableContent)
        }
        let now = Clock.now()
        let user = User(
            id: Token.identifier(), email: email, displayName: name, passwordHash: try await services.hashPassword(password),
            isAdmin: 0, locale: context.language.rawValue, createdAt: now, passwordChangedAt: now
        )
        try await services.database.write { try await UserQueries.insert(user, in: $0) }
        try await SignInController.startSession(for: user, request: request, context: context, services: services)
        return redirect(to: .associations, flash: "signup.welcome")
    }
}
