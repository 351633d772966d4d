import Hummingbird

/// Loads an association for the signed-in person, or answers 404 as if it did not exist.
struct AuthorizedAssociation: Sendable {
    let user: User
    let association: Association
    let access: AssociationAccess

    /// `logging`: what an advisor's read is recorded as; `nil` when the caller records it itself
    /// (the inventory, once it knows the association shares it), so one read writes one row.
    static func load(_ context: AppRequestContext, services: AppServices, logging what: String? = "association")
        async throws -> AuthorizedAssociation
    {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let found: (Association, AssociationAccess)? = try await services.database.read { sql in
            guard let access = try await AssociationQueries.access(associationID: id, userID: user.id, in: sql),
                let association = try await AssociationQueries.find(id: id, in: sql)
            else { return nil }
            return (association, access)
        }
        guard let (association, access) = found else { throw PageError.notFound }
        if access == .advisor, let what {
            try await logAdvisorRead(association: association.id, user: user, what: what, services: services)
        }
        return AuthorizedAssociation(user: user, association: association, access: access)
    }

    /// An advisor read the association's data: recorded, for the association to see.
    static func logAdvisorRead(association: String, user: User, what: String, services: AppServices) async throws {
        let entry = AccessLogQueries.Entry(
            id: services.tokens.identifier(), associationId: association, userId: user.id,
            displayName: user.displayName,
            what: what, at: services.time.now()
        )
        try await services.database.write { try await AccessLogQueries.insert(entry, in: $0) }
    }

    /// Only owners change the association, invite, transfer and grant access.
    func requireOwner() throws {
        guard access.isOwner else { throw PageError.forbidden }
    }
}
