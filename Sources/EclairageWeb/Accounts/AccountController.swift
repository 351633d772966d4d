import EclairageDomain
import Hummingbird

/// My account: change password, download my data, delete my account.
enum AccountController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        return services.views.render(
            "account", title: "account.title", content: AccountPage.Model(user: user), context: context)
    }

    @Sendable static func changePassword(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let user = try context.requireUser()
        let form = try context.decodeForm(PasswordChangeForm.self)
        if let refused = try await reauthenticationRefused(user, context: context, services: services) {
            return refused
        }
        if let refused = try await form.refusal(for: user, context: context, services: services) {
            return render(
                AccountPage.Model(user: user, passwordForm: refused), .unprocessableContent, context, services)
        }
        let hash = try await services.hashPassword(form.newPassword)
        let updated = try await AccountPassword.replace(for: user, hash: hash, services: services)
        // Every session, this one included, was opened under the old generation: this one starts afresh.
        try await UserSession.start(for: updated ?? user, request: request, context: context, services: services)
        return redirect(to: .account, flash: "account.password_changed")
    }

    /// Typing the current password (to change it, or to delete the account) is limited like signing in:
    /// a stolen session must not become a way to guess the password. Counted before hashing.
    private static func reauthenticationRefused(_ user: User, context: AppRequestContext, services: AppServices)
        async throws -> Response?
    {
        guard
            case .blocked(let minutes) = try await RateLimiter(services).attempt(RateLimiter.reauthentication, user.id)
        else {
            return nil
        }
        let message = services.views.text(
            "account.reauth_throttled", context,
            ["minutes": services.views.plural("duration.minutes", count: minutes, context)])
        let state = FormState(
            values: [:], messages: ["current_password": message], views: services.views, context: context)
        return render(AccountPage.Model(user: user, passwordForm: state), .tooManyRequests, context, services)
    }

    /// Everything Éclairage holds about me, as JSON (GDPR art. 15 and 20).
    @Sendable static func export(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let (memberships, bodies) = try await services.database.read { sql in
            (
                try await AssociationQueries.memberships(of: user.id, in: sql),
                try await SupportBodyQueries.advised(by: user.id, in: sql)
            )
        }
        let export = PersonalDataExport(user, memberships: memberships, bodies: bodies)
        return Download.file(
            ByteBuffer(bytes: try export.json()), type: "application/json; charset=utf-8",
            name: "eclairage-mes-donnees.json")
    }

    /// Deleting needs the password; an association I am the last owner of may block it (`AccountDeletion`).
    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        if let refused = try await reauthenticationRefused(user, context: context, services: services) {
            return refused
        }
        let password = try context.decodeForm(NewPasswordForm.self).password
        guard try await services.verifyPassword(password, hash: user.passwordHash) else {
            let state = FormState(
                values: [:], messages: ["password": services.views.text("account.current_wrong", context)],
                views: services.views, context: context)
            return render(AccountPage.Model(user: user, deleteForm: state), .unprocessableContent, context, services)
        }
        let deleted = try await services.database.transaction { try await AccountDeletion.delete(user, in: $0) }
        if !deleted { return redirect(to: .account, flash: "account.delete_blocked") }
        return UserSession.end(redirect(to: .home, flash: "account.deleted"), context: context, services: services)
    }

    private static func render(
        _ model: AccountPage.Model, _ status: HTTPResponse.Status, _ context: AppRequestContext, _ services: AppServices
    ) -> Response {
        services.views.render("account", title: "account.title", content: model, context: context, status: status)
    }
}
