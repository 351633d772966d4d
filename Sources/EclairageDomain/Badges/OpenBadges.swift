import Foundation

/// The Open Badges 2.0 objects an issuer serves, each at its own address as JSON-LD (hosted
/// verification): the issuer's profile, a badge class, an assertion, and what a revoked assertion's
/// address answers. Built from plain values; the web module gives the addresses and the hash.
public enum OpenBadges {
    public static let context = "https://w3id.org/openbadges/v2"
    public static let mediaType = "application/ld+json"

    public struct Profile: Codable, Sendable, Equatable {
        public var context = OpenBadges.context
        public var type = "Profile"
        public var id: String
        public var name: String
        public var url: String
        public var email: String
        public var image: String?

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, name, url, email, image
        }

        public init(id: String, name: String, url: String, email: String, image: String?) {
            (self.id, self.name, self.url, self.email, self.image) = (id, name, url, email, image)
        }
    }

    public struct Criteria: Codable, Sendable, Equatable {
        public var narrative: String
    }

    /// Where a badge sits in a skills framework (PIX, DigComp…).
    public struct Alignment: Codable, Sendable, Equatable {
        public var targetName: String
        public var targetUrl: String
        public var targetFramework: String?

        public init(targetName: String, targetUrl: String, targetFramework: String?) {
            (self.targetName, self.targetUrl, self.targetFramework) = (targetName, targetUrl, targetFramework)
        }
    }

    public struct BadgeClass: Codable, Sendable, Equatable {
        public var context = OpenBadges.context
        public var type = "BadgeClass"
        public var id: String
        public var name: String
        public var description: String
        public var image: String
        public var criteria: Criteria
        public var issuer: String
        public var alignment: [Alignment]?

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, name, description, image, criteria, issuer, alignment
        }

        public init(
            id: String, name: String, description: String, image: String, narrative: String, issuer: String,
            alignment: Alignment?
        ) {
            (self.id, self.name, self.description, self.image) = (id, name, description, image)
            self.criteria = Criteria(narrative: narrative)
            self.issuer = issuer
            self.alignment = alignment.map { [$0] }
        }
    }

    public struct Recipient: Codable, Sendable, Equatable {
        public var type = "email"
        public var hashed = true
        public var salt: String
        /// `sha256$` and the hex SHA-256 of the address followed by the salt.
        public var identity: String
    }

    public struct Verification: Codable, Sendable, Equatable {
        public var type = "hosted"
    }

    public struct Assertion: Codable, Sendable, Equatable {
        public var context = OpenBadges.context
        public var type = "Assertion"
        public var id: String
        public var recipient: Recipient
        public var badge: String
        public var issuedOn: String
        public var verification = Verification()
        public var image: String?

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, recipient, badge, issuedOn, verification, image
        }

        public init(id: String, salt: String, identity: String, badge: String, issuedOn: String, image: String?) {
            self.id = id
            self.recipient = Recipient(salt: salt, identity: identity)
            (self.badge, self.issuedOn, self.image) = (badge, issuedOn, image)
        }
    }

    /// What a revoked assertion's address answers, with 410 Gone.
    public struct Revoked: Codable, Sendable, Equatable {
        public var context = OpenBadges.context
        public var type = "Assertion"
        public var id: String
        public var revoked = true
        public var revocationReason: String

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, revoked, revocationReason
        }

        public init(id: String, revocationReason: String) { (self.id, self.revocationReason) = (id, revocationReason) }
    }

    /// JSON with its keys sorted and slashes left alone (addresses read as written).
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// ISO 8601 with the offset of Paris at that instant: `2026-11-17T10:00:00+01:00`.
    public static func date(_ unixTime: Int64) -> String {
        let local = ParisTime(unixTime: unixTime)
        let offset = ParisTime.offset(atUnixTime: unixTime)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let hours = Int(offset / 3600)
        let minutes = Int((abs(offset) % 3600) / 60)
        return "\(local.date.iso)T\(two(local.hour)):\(two(local.minute)):\(two(local.second))"
            + "\(offset < 0 ? "-" : "+")\(two(abs(hours))):\(two(minutes))"
    }
}
