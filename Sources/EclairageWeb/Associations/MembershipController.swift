import EclairageDomain
import Hummingbird

/// Inviting, joining, leaving, handing over ownership, and letting a support body in.
enum MembershipController {
    /// Makes a link valid 7 days for one person, shown once on the page (only its hash is kept).
    @Sendable static func invite(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let token = services.tokens.random()
        let now = services.time.now()
        let row = InvitationQueries.Row(
            tokenHash: TokenHash.of(token), associationId: loaded.association.id, role: AssociationRole.member.rawValue,
            createdBy: loaded.user.id, createdAt: now, expiresAt: now + 7 * 24 * 3600
        )
        try await services.database.write { try await InvitationQueries.insert(row, in: $0) }
        return try await AssociationPageController.render(
            loaded, invitationLink: services.absoluteURL(.invitation(token: token)), context: context,
            services: services)
    }

    @Sendable static func showInvitation(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let token = try context.parameters.require("token")
        guard let (_, association) = try await validInvitation(token, services: services) else {
            throw PageError(status: .notFound, messageKey: "invitation.invalid")
        }
        let views = services.views
        let content = InvitationPage.Model(
            heading: views.text("invitation_heading", context), text: views.text("invitation_text", context),
            name: association.name,
            acceptLabel: views.text("invitation_accept", context), action: SiteURL.invitation(token: token).path,
            signedIn: context.identity != nil
        )
        return services.views.render("invitation", title: "invitation.title", content: content, context: context)
    }

    @Sendable static func acceptInvitation(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let user = try context.requireUser()
        let token = try context.parameters.require("token")
        guard let (row, association) = try await validInvitation(token, services: services) else {
            throw PageError(status: .notFound, messageKey: "invitation.invalid")
        }
        try await services.database.transaction { sql in
            if try await AssociationQueries.access(associationID: association.id, userID: user.id, in: sql)?.isMember
                != true
            {
                try await AssociationQueries.addMember(
                    association.id, userID: user.id, role: AssociationRole(rawValue: row.role) ?? .member,
                    now: services.time.now(), in: sql)
            }
            try await InvitationQueries.delete(tokenHash: row.tokenHash, in: sql)
        }
        return redirect(to: .association(association.id), flash: "invitation.joined")
    }

    private static func validInvitation(_ token: String, services: AppServices) async throws -> (
        InvitationQueries.Row, Association
    )? {
        let hash = TokenHash.of(token)
        return try await services.database.read { sql in
            guard let row = try await InvitationQueries.find(tokenHash: hash, in: sql),
                row.expiresAt > services.time.now(),
                let association = try await AssociationQueries.find(id: row.associationId, in: sql)
            else { return nil }
            return (row, association)
        }
    }

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
