/// The sign-up page: the form, or the message that a link was sent.
enum SignUpPage {
    struct Model: Sendable {
        let form: FormState
        let action = SiteURL.signUp.path
        let signInLink = SiteURL.signIn.path
        var sentMessage: String? = nil
        var blockedMessage: String? = nil
        var returnTo: String? = nil
    }
}
