/// "Mot de passe oublié": the page that asks for the address, then says a link was sent.
enum ForgotPasswordPage {
    struct Model: Sendable {
        var form = FormState.empty
        let action = SiteURL.forgotPassword.path
        var sent = false
    }
}
