import EclairageDomain
import Foundation
import Hummingbird

/// My account: change password, download my data, delete my account.
enum AccountController {
    struct Content: Sendable {
        let user: User
        let passwordForm: FormState
        let deleteForm: FormState
        let passwordAction = SiteURL.accountPassword.path
        let exportLink = SiteURL.accountExport.path
        let deleteAction = SiteURL.accountDelete.path
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        return services.views.render(
            "account", title: "account.title", content: Content(user: user, passwordForm: .empty, deleteForm: .empty),
            context: context)
    }

    @Sendable static func changePassword(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let user = try context.requireUser()
        let form = try context.decodeForm(PasswordChangeForm.self)
        let current = form.currentPassword
        let new = form.newPassword
        if let refused = try await reauthenticationRefused(user, context: context, services: services) {
            return refused
        }
        var messages: [String: String] = [:]
        if try await !services.verifyPassword(current, hash: user.passwordHash) {
            messages["current_password"] = services.views.text("account.current_wrong", context)
        }
        if let problem = services.passwordProblem(new, email: user.email, name: user.displayName) {
            messages["new_password"] = services.views.text(problem.key, context, problem.values)
        }
        guard messages.isEmpty else {
            let state = FormState(
                values: [:], messages: messages, order: ["current_password", "new_password"], views: services.views,
                context: context)
            return services.views.render(
                "account", title: "account.title",
                content: Content(user: user, passwordForm: state, deleteForm: .empty), context: context,
                status: .unprocessableContent)
        }
        let hash = try await services.hashPassword(new)
        let updated = try await services.database.transaction { sql in
            try await UserQueries.updatePassword(userID: user.id, hash: hash, now: services.time.now(), in: sql)
            try await PasswordResetQueries.endAll(userID: user.id, now: services.time.now(), in: sql)
            return try await UserQueries.find(id: user.id, in: sql)
        }
        // Every session, this one included, was opened under the old generation: this one starts afresh.
        try await SignInController.startSession(
            for: updated ?? user, request: request, context: context, services: services)
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
        let state = FormState(
            values: [:],
            messages: [
                "current_password": services.views.text("account.reauth_throttled", context, ["minutes": "\(minutes)"])
            ], views: services.views, context: context)
        return services.views.render(
            "account", title: "account.title", content: Content(user: user, passwordForm: state, deleteForm: .empty),
            context: context, status: .tooManyRequests)
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
        let export = PersonalDataExport(
            account: .init(
                email: user.email, displayName: user.displayName, locale: user.locale, isAdmin: user.admin,
                createdAt: Date(timeIntervalSince1970: TimeInterval(user.createdAt)),
                passwordChangedAt: Date(timeIntervalSince1970: TimeInterval(user.passwordChangedAt))),
            associations: memberships.map { .init(id: $0.id, name: $0.name, role: $0.role) },
            supportBodies: bodies.map { .init(id: $0.id, name: $0.name) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Download.file(
            ByteBuffer(bytes: try encoder.encode(export)), type: "application/json; charset=utf-8",
            name: "eclairage-mes-donnees.json")
    }

    struct PersonalDataExport: Encodable {
        struct Account: Encodable {
            let email, displayName, locale: String
            let isAdmin: Bool
            let createdAt, passwordChangedAt: Date
        }
        struct Membership: Encodable { let id, name, role: String }
        struct Body: Encodable { let id, name: String }
        let account: Account
        let associations: [Membership]
        let supportBodies: [Body]
    }

    /// Deleting needs the password. An association only I belong to goes with me; one where I am the
    /// last owner among other members must be handed over first.
    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        if let refused = try await reauthenticationRefused(user, context: context, services: services) {
            return refused
        }
        guard
            try await services.verifyPassword(
                try context.decodeForm(NewPasswordForm.self).password, hash: user.passwordHash)
        else {
            let state = FormState(
                values: [:], messages: ["password": services.views.text("account.current_wrong", context)],
                views: services.views, context: context)
            return services.views.render(
                "account", title: "account.title",
                content: Content(user: user, passwordForm: .empty, deleteForm: state), context: context,
                status: .unprocessableContent)
        }
        let blocked = try await services.database.transaction { sql -> Bool in
            for association in try await AssociationQueries.memberships(of: user.id, in: sql)
            where association.role == AssociationRole.owner.rawValue {
                let members = try await AssociationQueries.members(of: association.id, in: sql)
                if members.count == 1 {
                    try await AssociationQueries.delete(association.id, in: sql)
                } else if members.filter({ $0.role == AssociationRole.owner.rawValue }).count == 1 {
                    return true
                }
            }
            try await UserQueries.delete(userID: user.id, in: sql)
            return false
        }
        if blocked { return redirect(to: .account, flash: "account.delete_blocked") }
        return SignInController.endSession(
            redirect(to: .home, flash: "account.deleted"), context: context, services: services)
    }
}
