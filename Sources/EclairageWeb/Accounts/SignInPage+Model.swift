/// The sign-in page.
enum SignInPage {
    struct Model: Sendable {
        let form: FormState
        let action = SiteURL.signIn.path
        let signUpLink = SiteURL.signUp.path
        let forgotLink = SiteURL.forgotPassword.path
        var blockedMessage: String? = nil
        var returnTo: String? = nil
    }
}
