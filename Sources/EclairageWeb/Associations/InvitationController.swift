import EclairageDomain
import Hummingbird

/// Inviting someone into an association: a link for one person, its page, and joining by accepting it.
enum InvitationController {
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
        let content = InvitationPage.Model(
            "invitation_", name: association.name, action: .invitation(token: token), context: context,
            views: services.views)
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
}
