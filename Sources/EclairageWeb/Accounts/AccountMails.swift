import EclairageDomain

/// The mails about an account, written in the recipient's language: confirming a sign-up, telling
/// an account's owner someone tried to sign up with its address, a password reset link.
enum AccountMails {
    static func confirmation(
        to email: String, name: String, token: String, language: Language, services: AppServices
    ) -> MailMessage {
        let strings = services.views.translations
        return MailMessage(
            to: email, subject: strings.text("signup.mail_subject", language),
            body: strings.text(
                "signup.mail_body", language,
                ["name": name, "link": services.absoluteURL(.signUpConfirm(token: token))]))
    }

    static func existingAccount(_ user: User, services: AppServices) -> MailMessage {
        let language = Language(rawValue: user.locale) ?? .fr
        let strings = services.views.translations
        return MailMessage(
            to: user.email, subject: strings.text("signup.exists_subject", language),
            body: strings.text(
                "signup.exists_body", language,
                [
                    "name": user.displayName, "signin": services.absoluteURL(.signIn),
                    "forgot": services.absoluteURL(.forgotPassword),
                ]))
    }

    static func passwordReset(_ user: User, token: String, services: AppServices) -> MailMessage {
        let language = Language(rawValue: user.locale) ?? .fr
        let strings = services.views.translations
        return MailMessage(
            to: user.email, subject: strings.text("forgot.mail_subject", language),
            body: strings.text(
                "forgot.mail_body", language,
                ["name": user.displayName, "link": services.absoluteURL(.resetPassword(token: token))]))
    }
}
