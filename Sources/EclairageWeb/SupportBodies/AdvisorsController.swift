import EclairageDomain
import Hummingbird

/// A support body's team: colleagues are invited by e-mail and join only by accepting; an advisor
/// can remove another, or leave. The answer to an invitation never says whether the address has an
/// account.
enum AdvisorsController {
    static let invitationSeconds: Int64 = 7 * 24 * 3600

    /// The body `id` of the route, for one of its advisors; anyone else gets 404.
    private static func requireAdvisor(_ context: AppRequestContext, services: AppServices) async throws -> (
        User, String
    ) {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        guard
            try await services.database.read({ try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: $0) }
            )
        else {
            throw PageError.notFound
        }
        return (user, id)
    }

    @Sendable static func invite(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (user, id) = try await requireAdvisor(context, services: services)
        let email = EmailAddress.normalise(try context.decodeForm(EmailForm.self).email)
        guard EmailAddress.isPlausible(email) else {
            var errors = FieldErrors()
            errors["email"] = "signup.email_invalid"
            let state = FormState(values: ["email": email], errors: errors, views: services.views, context: context)
            return try await SupportBodyController.render(
                context: context, services: services, forms: .init(invite: state), status: .unprocessableContent)
        }
        let address = ClientAddress.of(request, context: context)
        if let refusal = try await RateLimiter(services).attempt(.advisorInvitation, from: address, to: email) {
            let message = FormLimit.advisorInvitation.message(refusal, views: services.views, context: context)
            let state = FormState(
                values: ["email": email], messages: ["email": message], views: services.views, context: context)
            return try await SupportBodyController.render(
                context: context, services: services, forms: .init(invite: state), status: .tooManyRequests)
        }
        let token = services.tokens.random()
        let now = services.time.now()
        let invitation = AdvisorQueries.Invitation(
            tokenHash: TokenHash.of(token), supportBodyId: id, email: email, invitedBy: user.id, createdAt: now,
            expiresAt: now + invitationSeconds
        )
        let body = try await services.database.transaction { sql in
            try await AdvisorQueries.insert(invitation, in: sql)
            return try await SupportBodyQueries.find(id: id, in: sql)
        }
        let link = services.absoluteURL(.advisorInvitation(token: token))
        try await services.mail(
            [email], subject: "advisor_invitation.mail_subject", body: "advisor_invitation.mail_body",
            values: ["name": user.displayName, "body": body?.name ?? "", "link": link], context: context)
        guard services.sendsMail else {
            // No mail leaves this instance: the link is shown once, to be passed on by hand.
            return try await SupportBodyController.render(
                context: context, services: services, forms: .init(invitationLink: link))
        }
        return redirect(to: .supportBody(id), flash: "advisor_invitation.sent")
    }

    /// Removes an advisor (oneself: leaving). A body keeps at least one advisor.
    @Sendable static func remove(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (user, id) = try await requireAdvisor(context, services: services)
        let target = try context.decodeForm(AdvisorForm.self).user
        let outcome = try await services.database.transaction { sql -> String in
            let advisors = try await AdvisorQueries.advisors(of: id, in: sql)
            guard advisors.contains(where: { $0.userId == target }) else { return "bodies.advisor_unknown" }
            guard advisors.count > 1 else { return "bodies.last_advisor" }
            try await AdvisorQueries.remove(target, from: id, in: sql)
            return target == user.id ? "bodies.left" : "bodies.advisor_removed"
        }
        return outcome == "bodies.left"
            ? redirect(to: .supportBodies, flash: outcome) : redirect(to: .supportBody(id), flash: outcome)
    }
}
