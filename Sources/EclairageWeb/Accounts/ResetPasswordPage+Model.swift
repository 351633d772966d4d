/// The page an e-mailed reset link opens: the new password.
enum ResetPasswordPage {
    struct Model: Sendable {
        let form: FormState
        let action: String

        init(token: String, form: FormState = .empty) {
            self.form = form
            action = SiteURL.resetPassword(token: token).path
        }
    }
}
