import EclairageDomain
import Hummingbird

/// An earner, with no account: asks for a link by e-mail (the same answer whether the address holds
/// badges or not), then reads every badge awarded to it, downloads them, and may delete one.
enum EarnerController {
    static let linkLifetime: Int64 = 7 * 24 * 3600

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        render(EarnerPage.Model.request(email: nil, error: nil), context: context, services: services)
    }

    static func render(
        _ model: EarnerPage.Model, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        services.views.render(
            "earner-badges", title: "badges.earner_title", content: model, context: context, status: status)
    }

    @Sendable static func request(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let email = EmailAddress.normalise(try context.decodeForm(EmailForm.self).email)
        guard EmailAddress.isPlausible(email) else {
            return render(
                .request(email: email, error: services.views.text("badges.error.email", context)), context: context,
                services: services, status: .unprocessableContent)
        }
        if let refusal = try await RateLimiter(services).attempt(
            .badgeLink, from: ClientAddress.of(request, context: context), to: email)
        {
            return render(
                .request(
                    email: email, error: FormLimit.badgeLink.message(refusal, views: services.views, context: context)),
                context: context, services: services, status: .tooManyRequests)
        }
        let now = services.time.now()
        let token = services.tokens.random(length: 32)
        try await services.database.transaction { sql in
            // Only an address that holds badges gets a mail; the page says the same either way.
            guard !(try await BadgeQueries.awards(to: email, in: sql).isEmpty) else { return }
            try await BadgeQueries.insertLink(
                BadgeEarnerLinkRow(tokenHash: TokenHash.of(token), email: email, expiresAt: now + linkLifetime), in: sql
            )
            try await Outbox.enqueue(
                MailMessage(
                    to: email, subject: services.views.text("badges.earner_mail_subject", context),
                    body: services.views.text(
                        "badges.earner_mail_body", context, ["link": services.absoluteURL(.earnerLink(token: token))])),
                now: now, in: sql)
        }
        return redirect(to: .earnerBadges, flash: "badges.earner_sent")
    }

    static func link(_ context: AppRequestContext, services: AppServices) async throws -> (String, BadgeEarnerLinkRow) {
        let token = try context.parameters.require("token")
        let now = services.time.now()
        guard
            let link = try await services.database.read({
                try await BadgeQueries.link(hash: TokenHash.of(token), now: now, in: $0)
            })
        else { throw PageError(status: .notFound, messageKey: "badges.earner_link_unknown") }
        return (token, link)
    }

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (token, link) = try await link(context, services: services)
        let (awards, classes) = try await services.database.read { sql in
            let awards = try await BadgeQueries.awards(to: link.email, in: sql)
            var classes: [String: BadgeClassRow] = [:]
            for id in Set(awards.map(\.badgeClassId)) { classes[id] = try await BadgeQueries.badgeClass(id, in: sql) }
            return (awards, classes)
        }
        return render(
            .list(token: token, email: link.email, awards: awards, classes: classes, context: context),
            context: context,
            services: services)
    }

    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (token, link) = try await link(context, services: services)
        let award = context.form["award"] ?? ""
        try await services.database.transaction {
            try await BadgeQueries.deleteAward(award, email: link.email, in: $0)
        }
        return redirect(to: .earnerLink(token: token), flash: "badges.earner_deleted")
    }
}
