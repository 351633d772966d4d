import EclairageDomain
import Hummingbird

/// An advisor closes the accompaniment with a short reason: the body's access ends at once, as with a
/// withdrawal, the closing stays for the association's page and the body's activity report, and the
/// association's owners are told by mail, with the reason.
extension FollowController {
    @Sendable static func close(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services, logging: nil)
        guard loaded.access == .advisor else { throw PageError.forbidden }
        let body = try context.decodeForm(CloseAccompanimentBody.self)
        switch AccompanimentClosing(reason: body.reason).validate() {
        case .failure(let errors):
            let state = FormState(
                values: ["reason": body.reason, "support_body": body.supportBody], errors: errors, order: ["reason"],
                views: services.views, context: context)
            return try await FollowPage.response(
                loaded, form: .empty, closeForm: state, context: context, services: services,
                status: .unprocessableContent)
        case .success(let reason):
            guard
                let grant = loaded.grants.first(where: { $0.supportBodyId == body.supportBody }) ?? loaded.grants.first
            else { throw PageError.forbidden }
            let closing = ClosingQueries.Closing(
                id: services.tokens.identifier(), supportBodyId: grant.supportBodyId,
                associationId: loaded.association.id, reason: reason, closedByName: loaded.user.displayName,
                grantedAt: grant.grantedAt, closedAt: services.time.now())
            let association = loaded.association
            let owners = try await services.database.transaction { sql in
                try await ClosingQueries.close(closing, in: sql)
                return try await AssociationQueries.owners(of: [association.id], in: sql)[association.id] ?? []
            }
            try await services.mail(
                owners.map(\.email), subject: "closing.mail_subject", body: "closing.mail_body",
                values: [
                    "body": grant.bodyName, "association": association.name, "person": closing.closedByName,
                    "reason": reason, "link": services.absoluteURL(.associationSupport(association.id)),
                ], context: context)
            return redirect(to: .supportBody(grant.supportBodyId), flash: "closing.done")
        }
    }
}
