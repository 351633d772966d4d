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
}
