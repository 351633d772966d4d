import EclairageDomain
import Hummingbird

/// The invited colleague's side: the invitation page, and joining by accepting it (once).
extension AdvisorsController {
    @Sendable static func showInvitation(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let token = try context.parameters.require("token")
        guard let (_, body) = try await valid(token, services: services) else {
            throw PageError(status: .notFound, messageKey: "invitation.invalid")
        }
        let views = services.views
        let content = InvitationPage.Model(
            "advisor_invitation.", name: body.name, action: .advisorInvitation(token: token), context: context,
            views: views)
        return views.render("invitation", title: "invitation.title", content: content, context: context)
    }

    @Sendable static func accept(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let token = try context.parameters.require("token")
        guard let (invitation, body) = try await valid(token, services: services) else {
            throw PageError(status: .notFound, messageKey: "invitation.invalid")
        }
        let now = services.time.now()
        try await services.database.transaction { sql in
            if try await !SupportBodyQueries.isAdvisor(userID: user.id, of: body.id, in: sql) {
                try await AdvisorQueries.add(user.id, to: body.id, now: now, in: sql)
            }
            try await AdvisorQueries.deleteInvitation(tokenHash: invitation.tokenHash, in: sql)
        }
        return redirect(to: .supportBody(body.id), flash: "advisor_invitation.joined")
    }

    static func valid(_ token: String, services: AppServices) async throws -> (
        AdvisorQueries.Invitation, SupportBody
    )? {
        guard token.count <= 64 else { return nil }
        let now = services.time.now()
        return try await services.database.read { sql in
            guard
                let invitation = try await AdvisorQueries.invitation(tokenHash: TokenHash.of(token), now: now, in: sql),
                let body = try await SupportBodyQueries.find(id: invitation.supportBodyId, in: sql)
            else { return nil }
            return (invitation, body)
        }
    }
}
