import EclairageDomain
import Foundation

/// Rows of the badges' tables.
struct BadgeIssuerRow: Codable, Sendable, Equatable {
    var supportBodyId: String
    var name: String
    var url: String
    var email: String
    /// Base64 of the picture's bytes.
    var image: String
    var imageKind: String
    var updatedAt: Int64
}

struct BadgeClassRow: Codable, Sendable, Equatable {
    var id: String
    var supportBodyId: String
    var name: String
    var description: String
    var criteria: String
    var image: String
    var imageKind: String
    var alignmentName: String?
    var alignmentUrl: String?
    var alignmentFramework: String?
    var createdAt: Int64

    var alignment: OpenBadges.Alignment? {
        guard let alignmentName, let alignmentUrl else { return nil }
        return .init(targetName: alignmentName, targetUrl: alignmentUrl, targetFramework: alignmentFramework)
    }
}

struct BadgeAwardRow: Codable, Sendable, Equatable {
    var id: String
    var badgeClassId: String
    var email: String
    var salt: String
    var issuedAt: Int64
    var trainingId: String?
    var awardedBy: String?
    var revokedAt: Int64?
    var revocationReason: String?
}

struct BadgeEarnerLinkRow: Codable, Sendable, Equatable {
    var tokenHash: String
    var email: String
    var expiresAt: Int64
}

/// A picture as stored: its kind and its bytes in base64.
struct StoredBadgeImage: Sendable {
    let kind: BadgeImage.Kind
    let bytes: [UInt8]

    init?(base64: String, kind: String) {
        guard let kind = BadgeImage.Kind(rawValue: kind), let data = Data(base64Encoded: base64) else { return nil }
        self.kind = kind
        self.bytes = [UInt8](data)
    }
}
