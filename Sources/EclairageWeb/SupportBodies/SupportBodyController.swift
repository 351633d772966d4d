import EclairageDomain
import Hummingbird

/// A support body's own page, for its advisors only (anyone else: 404): the dashboard of the
/// associations that let it in, its place in the directory, its team.
enum SupportBodyController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        try await render(context: context, services: services, forms: .init())
    }

    static func render(
        context: AppRequestContext, services: AppServices, forms: SupportBodyPage.Model.Forms,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let now = services.time.now()
        let today = DateFormatting.parisDay(now)
        guard
            let query = try await SupportBodyPage.Query.load(
                body: id, advisor: user.id, today: today, services: services)
        else { throw PageError.notFound }
        try await DashboardLog.record(query, user: user, now: now, services: services)
        let model = SupportBodyPage.Model.make(
            query, userID: user.id, today: today, forms: forms, context: context, services: services)
        return services.views.render(
            "support-body", title: "bodies.page_title", titleValues: ["name": query.body.name], content: model,
            context: context, status: status)
    }

    /// An advisor says which place of the directory their body is: the page address or its identifier.
    @Sendable static func linkPlace(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let typed = try context.decodeForm(PlaceLinkForm.self).place.trimmingCharacters(in: .whitespaces)
        let placeID = String(typed.split(separator: "/").last ?? "")
        let linked: Bool = try await services.database.transaction { sql in
            guard try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: sql) else {
                throw PageError.notFound
            }
            guard let place = try await DirectoryQueries.find(id: placeID, in: sql), place.status == PlaceRow.published
            else { return false }
            try await DirectoryQueries.linkSupportBody(id, to: placeID, in: sql)
            try await DirectoryQueries.bumpVersion(in: sql)
            return true
        }
        guard linked else {
            let forms = SupportBodyPage.Model.Forms(placeError: services.views.text("bodies.place_unknown", context))
            return try await render(context: context, services: services, forms: forms, status: .unprocessableContent)
        }
        return redirect(to: .supportBody(id), flash: "bodies.place_linked")
    }
}
