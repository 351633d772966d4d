import EclairageDomain
import Hummingbird

/// The map of an association's usages, for its members and the advisors it lets in (each read logged).
enum UsageController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services, logging: "usages")
        let query = try await UsagePage.Query.load(loaded, services: services)
        let model = UsagePage.Model.make(query, loaded: loaded, context: context, services: services)
        return services.views.render(
            "usages", title: "usage.title", titleValues: ["name": loaded.association.name], content: model,
            context: context)
    }
}
