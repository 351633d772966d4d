import EclairageDomain
import Hummingbird

/// "Mot de passe oublié": a link by e-mail (or in the server log when no mail is configured), valid one
/// hour, once (`PasswordResetLink`).
enum PasswordResetController {
    @Sendable static func showRequest(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        services.views.render(
            "forgot-password", title: "forgot.title", content: ForgotPasswordPage.Model(), context: context)
    }

    /// Always answers the same way, so the page does not tell whether an address has an account.
    @Sendable static func submitRequest(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let email = EmailAddress.normalise(try context.decodeForm(EmailForm.self).email)
        guard EmailAddress.isPlausible(email) else {
            var errors = FieldErrors()
            errors["email"] = "signup.email_invalid"
            let state = FormState(values: ["email": email], errors: errors, views: services.views, context: context)
            return services.views.render(
                "forgot-password", title: "forgot.title", content: ForgotPasswordPage.Model(form: state),
                context: context, status: .unprocessableContent)
        }
        let address = ClientAddress.of(request, context: context)
        if let refusal = try await RateLimiter(services).attempt(.passwordReset, from: address, to: email) {
            let message = FormLimit.passwordReset.message(refusal, views: services.views, context: context)
            let state = FormState(
                values: ["email": email], messages: ["email": message], views: services.views, context: context)
            return services.views.render(
                "forgot-password", title: "forgot.title", content: ForgotPasswordPage.Model(form: state),
                context: context, status: .tooManyRequests)
        }
        try await PasswordResetLink.send(to: email, services: services)
        return services.views.render(
            "forgot-password", title: "forgot.title", content: ForgotPasswordPage.Model(sent: true), context: context)
    }

    @Sendable static func showReset(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        guard try await PasswordResetLink.user(for: token, services: services) != nil else {
            throw PageError(status: .notFound, messageKey: "reset.invalid")
        }
        return services.views.render(
            "reset-password", title: "reset.title", content: ResetPasswordPage.Model(token: token), context: context)
    }

    @Sendable static func submitReset(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let token = try context.parameters.require("token")
        guard let user = try await PasswordResetLink.user(for: token, services: services) else {
            throw PageError(status: .notFound, messageKey: "reset.invalid")
        }
        let password = try context.decodeForm(NewPasswordForm.self).password
        if let problem = services.passwordProblem(password, email: user.email, name: user.displayName) {
            let state = FormState(
                values: [:], messages: ["password": services.views.text(problem.key, context, problem.values)],
                views: services.views, context: context)
            return services.views.render(
                "reset-password", title: "reset.title", content: ResetPasswordPage.Model(token: token, form: state),
                context: context, status: .unprocessableContent)
        }
        let newHash = try await services.hashPassword(password)
        try await AccountPassword.replace(for: user, hash: newHash, services: services)
        try await RateLimiter(services).clear(RateLimiter.signInAccount, user.email)
        return redirect(to: .signIn, flash: "reset.done")
    }
}
