import EclairageDomain
import Foundation

/// Everything Éclairage holds about a person, as downloaded from their account (GDPR art. 15 and 20).
struct PersonalDataExport: Encodable {
    struct Account: Encodable {
        let email, displayName, locale: String
        let isAdmin: Bool
        let createdAt, passwordChangedAt: Date
    }
    struct Membership: Encodable { let id, name, role: String }
    struct Body: Encodable { let id, name: String }
    let account: Account
    let associations: [Membership]
    let supportBodies: [Body]
}

extension PersonalDataExport {
    init(
        _ user: User, memberships: [AssociationQueries.ListedAssociation], bodies: [SupportBody]
    ) {
        self.init(
            account: .init(
                email: user.email, displayName: user.displayName, locale: user.locale, isAdmin: user.admin,
                createdAt: Date(timeIntervalSince1970: TimeInterval(user.createdAt)),
                passwordChangedAt: Date(timeIntervalSince1970: TimeInterval(user.passwordChangedAt))),
            associations: memberships.map { .init(id: $0.id, name: $0.name, role: $0.role) },
            supportBodies: bodies.map { .init(id: $0.id, name: $0.name) }
        )
    }

    /// The JSON file, readable by a person: indented, keys sorted, dates in ISO 8601.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
