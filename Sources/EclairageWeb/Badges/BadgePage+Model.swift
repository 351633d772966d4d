import EclairageDomain

/// One award, for people: the badge, its issuer, the day, its state, and how a verifier checks it.
enum BadgePage {}

extension BadgePage {
    struct Model: Sendable {
        let name: String
        let description: String
        let criteria: String
        let imageLink: String
        let issuerName: String
        let issuerURL: String
        let issued: String
        let revoked: Bool
        let reason: String?
        let assertionURL: String
        let classURL: String
        let issuerJSON: String
        let downloadLink: String
        let alignment: String?
        let alignmentURL: String?
        let checkAction: String
        let checked: String?
        let checkMatches: Bool
        let hasCheck: Bool
    }
}

extension BadgePage.Model {
    static func make(
        award: BadgeAwardRow, badgeClass: BadgeClassRow, issuer: BadgeIssuerRow, checked: String?,
        context: AppRequestContext, services: AppServices
    ) -> Self {
        let typed = checked.map(EmailAddress.normalise).flatMap { $0.isEmpty ? nil : $0 }
        let matches =
            typed.map {
                BadgeDocuments.identity(email: $0, salt: award.salt)
                    == BadgeDocuments.identity(email: award.email, salt: award.salt)
            } ?? false
        let alignment = badgeClass.alignment
        return Self(
            name: badgeClass.name, description: badgeClass.description, criteria: badgeClass.criteria,
            imageLink: SiteURL.badgeClassImage(badgeClass.id).path, issuerName: issuer.name, issuerURL: issuer.url,
            issued: BadgeDates.day(award.issuedAt, language: context.language),
            revoked: award.revokedAt != nil, reason: award.revocationReason,
            assertionURL: services.absoluteURL(.badgeAssertion(award.id)),
            classURL: services.absoluteURL(.badgeClass(badgeClass.id)),
            issuerJSON: services.absoluteURL(.badgeIssuer(issuer.supportBodyId)),
            downloadLink: SiteURL.badgeBaked(award.id).path,
            alignment: alignment.map {
                [$0.targetFramework, $0.targetName].compactMap { $0 }.joined(separator: " – ")
            },
            alignmentURL: alignment?.targetUrl, checkAction: SiteURL.badgePage(award.id).path, checked: typed,
            checkMatches: matches, hasCheck: typed != nil)
    }
}
