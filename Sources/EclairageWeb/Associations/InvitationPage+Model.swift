/// An invitation to join something: an association, or a support body's team.
enum InvitationPage {}

extension InvitationPage {
    struct Model: Sendable {
        let heading: String
        let text: String
        let name: String
        let acceptLabel: String
        let action: String
        let signedIn: Bool
        let signInLink = SiteURL.signIn.path
        let signUpLink = SiteURL.signUp.path
    }
}
