import EclairageDomain
import SQLKit

/// Deleting an account. An association only its owner belongs to goes with them; one where they are
/// the last owner among other members must be handed over first, and nothing is deleted.
enum AccountDeletion {
    /// False when an association blocks the deletion.
    static func delete(_ user: User, in sql: any SQLDatabase) async throws -> Bool {
        for association in try await AssociationQueries.memberships(of: user.id, in: sql)
        where association.role == AssociationRole.owner.rawValue {
            let members = try await AssociationQueries.members(of: association.id, in: sql)
            if members.count == 1 {
                try await AssociationQueries.delete(association.id, in: sql)
            } else if members.filter({ $0.role == AssociationRole.owner.rawValue }).count == 1 {
                return false
            }
        }
        try await UserQueries.delete(userID: user.id, in: sql)
        return true
    }
}
