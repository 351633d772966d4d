import EclairageDomain

/// The earner's page: the form that mails a link, or, through that link, every badge awarded to the
/// address, each with its page, its download and a button to delete it.
enum EarnerPage {}

extension EarnerPage {
    struct Model: Sendable {
        let listing: Bool
        let action: String
        let email: String?
        let error: String?
        /// The shared error summary's view of the one field.
        let form: FormState
        let badges: [Badge]
        let hasBadges: Bool
        let deleteAction: String
    }

    struct Badge: Sendable {
        let id: String
        let name: String
        let issued: String
        let revoked: Bool
        let reason: String?
        let pageLink: String
        let downloadLink: String
    }
}

extension EarnerPage.Model {
    static func request(email: String?, error: String?) -> Self {
        Self(
            listing: false, action: SiteURL.earnerBadges.path, email: email, error: error,
            form: FormState(
                values: [:], errors: error.map { ["email": $0] } ?? [:],
                errorList: error.map { [.init(field: "email", message: $0)] } ?? []),
            badges: [], hasBadges: false, deleteAction: "")
    }

    static func list(
        token: String, email: String, awards: [BadgeAwardRow], classes: [String: BadgeClassRow],
        context: AppRequestContext
    ) -> Self {
        let badges = awards.map { award in
            EarnerPage.Badge(
                id: award.id, name: classes[award.badgeClassId]?.name ?? "",
                issued: BadgeDates.day(award.issuedAt, language: context.language),
                revoked: award.revokedAt != nil, reason: award.revocationReason,
                pageLink: SiteURL.badgePage(award.id).path, downloadLink: SiteURL.badgeBaked(award.id).path)
        }
        return Self(
            listing: true, action: SiteURL.earnerBadges.path, email: email, error: nil, form: .empty,
            badges: badges, hasBadges: !badges.isEmpty, deleteAction: SiteURL.earnerDelete(token: token).path)
    }
}
