import Hummingbird

/// Loads an association for the signed-in person, or answers 404 as if it did not exist.
struct AuthorizedAssociation: Sendable {
    let user: User
    let association: Association
    let access: AssociationAccess

    static func load(_ context: AppRequestContext, services: AppServices) async throws -> AuthorizedAssociation {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let found: (Association, AssociationAccess)? = try await services.database.read { sql in
            guard let access = try await AssociationQueries.access(associationID: id, userID: user.id, in: sql),
                let association = try await AssociationQueries.find(id: id, in: sql)
            else { return nil }
            return (association, access)
        }
        guard let (association, access) = found else { throw PageError.notFound }
        return AuthorizedAssociation(user: user, association: association, access: access)
    }

    /// Only owners change the association, invite, transfer and grant access.
    func requireOwner() throws {
        guard access.isOwner else { throw PageError.forbidden }
    }
}
