import EclairageDomain
import Hummingbird

/// Leaving an association, and handing over its ownership.
enum MembershipController {
    /// Leaving: the last owner cannot leave while others remain (hand over first).
    @Sendable static func leave(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        guard loaded.access.isMember else { throw PageError.forbidden }
        let id = loaded.association.id
        let members = try await services.database.read { try await AssociationQueries.members(of: id, in: $0) }
        let owners = members.filter { $0.role == AssociationRole.owner.rawValue }
        if loaded.access.isOwner, owners.count == 1, members.count > 1 {
            return redirect(to: .association(id), flash: "association.last_owner")
        }
        try await services.database.transaction { sql in
            if members.count == 1 {
                try await AssociationQueries.delete(id, in: sql)
            } else {
                try await AssociationQueries.removeMember(id, userID: loaded.user.id, in: sql)
            }
        }
        return redirect(to: .associations, flash: "association.left")
    }

    /// Hands ownership to another member; the former owner stays as a member.
    @Sendable static func transfer(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let id = loaded.association.id
        let target = try context.decodeForm(TransferForm.self).member
        let members = try await services.database.read { try await AssociationQueries.members(of: id, in: $0) }
        guard target != loaded.user.id, members.contains(where: { $0.userId == target }) else {
            return redirect(to: .association(id), flash: "association.transfer_unknown")
        }
        try await services.database.transaction { sql in
            try await AssociationQueries.setRole(id, userID: target, role: .owner, in: sql)
            try await AssociationQueries.setRole(id, userID: loaded.user.id, role: .member, in: sql)
        }
        return redirect(to: .association(id), flash: "association.transferred")
    }
}
