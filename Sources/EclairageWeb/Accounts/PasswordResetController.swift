import EclairageDomain
import Foundation
import Hummingbird

/// "Mot de passe oublié": a link by e-mail (or in the server log when no mail is configured), valid one hour, once.
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
        if let user = try await services.database.read({ try await UserQueries.find(email: email, in: $0) }) {
            let token = services.tokens.random()
            let row = PasswordResetQueries.Row(
                tokenHash: TokenHash.of(token), userId: user.id, expiresAt: services.time.now() + 3600, usedAt: nil)
            try await services.database.write { try await PasswordResetQueries.insert(row, in: $0) }
            try await services.outbox.enqueue(AccountMails.passwordReset(user, token: token, services: services))
        }
        return services.views.render(
            "forgot-password", title: "forgot.title", content: ForgotPasswordPage.Model(sent: true), context: context)
    }

    @Sendable static func showReset(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        guard try await validRow(token, services: services) != nil else {
            throw PageError(status: .notFound, messageKey: "reset.invalid")
        }
        return services.views.render(
            "reset-password", title: "reset.title", content: ResetPasswordPage.Model(token: token), context: context)
    }

    @Sendable static func submitReset(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let token = try context.parameters.require("token")
        guard let row = try await validRow(token, services: services),
            let user = try await services.database.read({ try await UserQueries.find(id: row.userId, in: $0) })
        else { throw PageError(status: .notFound, messageKey: "reset.invalid") }
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
        // The new password ends every session of the account and every other link still outstanding.
        try await services.database.transaction { sql in
            try await UserQueries.updatePassword(userID: user.id, hash: newHash, now: services.time.now(), in: sql)
            try await PasswordResetQueries.endAll(userID: user.id, now: services.time.now(), in: sql)
        }
        try await RateLimiter(services).clear(RateLimiter.signInAccount, user.email)
        return redirect(to: .signIn, flash: "reset.done")
    }

    private static func validRow(_ token: String, services: AppServices) async throws -> PasswordResetQueries.Row? {
        let tokenHash = TokenHash.of(token)
        let row = try await services.database.read { try await PasswordResetQueries.find(tokenHash: tokenHash, in: $0) }
        guard let row, row.usedAt == nil, row.expiresAt > services.time.now() else { return nil }
        return row
    }
}
