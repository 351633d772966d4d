/// Everything a page template receives: the shared layout, the page's own typed content, and the strings.
struct Page<Content: Sendable>: Sendable {
    let layout: Layout
    let content: Content
    let t: [String: String]
}

/// What the shared layout (header, navigation, footer, messages) needs.
struct Layout: Sendable {
    let lang: String
    let title: String
    let csrf: String
    let user: UserBadge?
    let flash: String?
    let links: Links
    let otherLanguage: LanguageLink
    let stylesheet: String

    struct UserBadge: Sendable {
        let displayName: String
        let admin: Bool
    }

    struct LanguageLink: Sendable {
        let href: String
        let label: String
        let code: String
    }

    /// The links every page shows, built from the typed routes.
    struct Links: Sendable {
        let home = SiteURL.home.path
        let signIn = SiteURL.signIn.path
        let signUp = SiteURL.signUp.path
        let signOut = SiteURL.signOut.path
        let account = SiteURL.account.path
        let associations = SiteURL.associations.path
        let supportBodies = SiteURL.supportBodies.path
        let directory = SiteURL.directory.path
        let calendar = SiteURL.calendar.path
        let admin = SiteURL.admin.path
        let diagnostic = SiteURL.diagnosticIntro.path
        let sheets = SiteURL.sheets.path
        let catalogue = SiteURL.catalogue.path
        /// In the footer: an earner's badges, and a workshop room joined with its code.
        let badges = SiteURL.earnerBadges.path
        let joinRoom = SiteURL.joinRoom.path
    }
}
