import Crypto
import EclairageDomain
import Foundation

/// The Open Badges objects of an issuer, a class and an award, with their addresses: each object's
/// `id` is exactly the address that serves it.
enum BadgeDocuments {
    /// `sha256$` and the hex SHA-256 of the address followed by the salt (Open Badges 2.0 hashed identity).
    static func identity(email: String, salt: String) -> String {
        "sha256$" + SHA256.hash(data: Data((email + salt).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func profile(_ issuer: BadgeIssuerRow, services: AppServices) -> OpenBadges.Profile {
        OpenBadges.Profile(
            id: services.absoluteURL(.badgeIssuer(issuer.supportBodyId)), name: issuer.name, url: issuer.url,
            email: issuer.email, image: services.absoluteURL(.badgeIssuerImage(issuer.supportBodyId)))
    }

    static func badgeClass(_ row: BadgeClassRow, services: AppServices) -> OpenBadges.BadgeClass {
        OpenBadges.BadgeClass(
            id: services.absoluteURL(.badgeClass(row.id)), name: row.name, description: row.description,
            image: services.absoluteURL(.badgeClassImage(row.id)), narrative: row.criteria,
            issuer: services.absoluteURL(.badgeIssuer(row.supportBodyId)), alignment: row.alignment)
    }

    static func assertion(_ award: BadgeAwardRow, services: AppServices) -> OpenBadges.Assertion {
        OpenBadges.Assertion(
            id: services.absoluteURL(.badgeAssertion(award.id)), salt: award.salt,
            identity: identity(email: award.email, salt: award.salt),
            badge: services.absoluteURL(.badgeClass(award.badgeClassId)), issuedOn: OpenBadges.date(award.issuedAt),
            image: nil)
    }

    /// The class's picture with the assertion baked in: PNG (one `iTXt` chunk, the assertion's JSON)
    /// or SVG (an `openbadges:assertion` element). nil if the stored picture cannot be read.
    static func baked(
        _ award: BadgeAwardRow, image: StoredBadgeImage, services: AppServices
    ) -> [UInt8]? {
        let json = OpenBadges.json(assertion(award, services: services))
        switch image.kind {
        case .png:
            return try? PNGFile.bake(image.bytes, text: json)
        case .svg:
            guard let text = String(validating: image.bytes, as: UTF8.self),
                let baked = SVGFile.bake(
                    text, assertionURL: services.absoluteURL(.badgeAssertion(award.id)), json: json)
            else { return nil }
            return Array(baked.utf8)
        }
    }
}
