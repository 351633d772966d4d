import EclairageDomain
import Hummingbird

/// A training's page, with a form to register for each session to come (no account needed).
enum TrainingController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        try await render(try context.parameters.require("id"), context: context, services: services, form: .empty)
    }

    /// The page, with `form` (a registration refused, say) shown back in the form of `session`, the one it came from.
    static func render(
        _ id: String, context: AppRequestContext, services: AppServices, form: FormState, session: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = try await TrainingPage.Query.load(id, user: context.identity, services: services)
        return services.views.render(
            "training", title: "calendar.training_title", titleValues: ["name": query.training.title],
            content: TrainingPage.Model(
                query, form: form, formSession: session, now: services.time.now(), services: services, context: context),
            context: context, status: status)
    }
}
