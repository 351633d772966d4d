import EclairageDomain
import Foundation

/// The account forms, as sent.
struct SignInForm: Decodable {
    @FormText var email: String
    @FormText var password: String
}

struct SignUpForm: Decodable {
    @FormText var displayName: String
    @FormText var email: String
    @FormText var password: String

    enum CodingKeys: String, CodingKey {
        case displayName = "display_name", email, password
    }

    /// What the form shows again after an error (never the password).
    var redisplayed: [String: String] { ["display_name": displayName, "email": email] }

    /// The name as kept, without surrounding spaces.
    var name: String { displayName.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The form shown again with what is wrong, or nil when it can go on; `taken` when the address
    /// has an account and the site says so (it sends no mail that could).
    func refusal(taken: Bool, context: AppRequestContext, services: AppServices) -> FormState? {
        let email = EmailAddress.normalise(self.email)
        var errors = FieldErrors()
        var messages: [String: String] = [:]
        if name.isEmpty { errors["display_name"] = "signup.name_required" }
        if name.count > 100 { errors["display_name"] = "signup.name_too_long" }
        if !EmailAddress.isPlausible(email) { errors["email"] = "signup.email_invalid" }
        if let problem = services.passwordProblem(password, email: email, name: name) {
            messages["password"] = services.views.text(problem.key, context, problem.values)
        }
        if taken { errors["email"] = "signup.email_taken" }
        guard !errors.isEmpty || !messages.isEmpty else { return nil }
        return FormState(
            values: redisplayed, errors: errors, messages: messages, order: ["display_name", "email", "password"],
            views: services.views, context: context)
    }
}

struct EmailForm: Decodable {
    @FormText var email: String
}

struct NewPasswordForm: Decodable {
    @FormText var password: String
}

struct PasswordChangeForm: Decodable {
    @FormText var currentPassword: String
    @FormText var newPassword: String

    enum CodingKeys: String, CodingKey {
        case currentPassword = "current_password", newPassword = "new_password"
    }

    /// The form shown again with what is wrong (the current password, the new one), or nil.
    func refusal(for user: User, context: AppRequestContext, services: AppServices) async throws -> FormState? {
        var messages: [String: String] = [:]
        if try await !services.verifyPassword(currentPassword, hash: user.passwordHash) {
            messages["current_password"] = services.views.text("account.current_wrong", context)
        }
        if let problem = services.passwordProblem(newPassword, email: user.email, name: user.displayName) {
            messages["new_password"] = services.views.text(problem.key, context, problem.values)
        }
        guard !messages.isEmpty else { return nil }
        return FormState(
            values: [:], messages: messages, order: ["current_password", "new_password"], views: services.views,
            context: context)
    }
}
