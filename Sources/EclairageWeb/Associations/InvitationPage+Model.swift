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

extension InvitationPage.Model {
    /// `prefix`: the translations' prefix of the invitation's kind (`invitation_`, `advisor_invitation.`).
    init(_ prefix: String, name: String, action: SiteURL, context: AppRequestContext, views: Views) {
        self.init(
            heading: views.text("\(prefix)heading", context), text: views.text("\(prefix)text", context),
            name: name, acceptLabel: views.text("\(prefix)accept", context), action: action.path,
            signedIn: context.identity != nil)
    }
}
