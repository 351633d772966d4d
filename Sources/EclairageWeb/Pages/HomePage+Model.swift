/// The home page.
enum HomePage {
    struct Model: Sendable {
        let signUpLink = SiteURL.signUp.path
        let diagnosticLink = SiteURL.diagnosticIntro.path
        let supportBodiesLink = SiteURL.supportBodies.path
        let associationsLink = SiteURL.associations.path
        let observatoryLink = SiteURL.observatory.path
        let signedIn: Bool
    }
}
