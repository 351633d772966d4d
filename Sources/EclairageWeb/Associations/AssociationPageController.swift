import EclairageDomain
import Hummingbird

/// One association's page, for its members and the advisors of the bodies it lets in (logged).
enum AssociationPageController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        return try await render(
            loaded, invitationLink: nil, device: DeviceDiagnostics.entries(request), context: context,
            services: services)
    }

    static func render(
        _ loaded: AuthorizedAssociation, invitationLink: String?, device: [DeviceDiagnostics.Entry] = [],
        context: AppRequestContext, services: AppServices
    ) async throws -> Response {
        let query = try await AssociationPage.Query.load(loaded, device: device, services: services)
        let model = AssociationPage.Model.make(
            query, loaded: loaded, invitationLink: invitationLink, device: device, context: context, services: services)
        return RenderedPage.render(
            "association", title: "association.page_title", titleValues: ["name": loaded.association.name],
            content: model, key: "\(loaded.association.id)|\(context.identity?.id ?? "")", context: context,
            services: services)
    }
}
