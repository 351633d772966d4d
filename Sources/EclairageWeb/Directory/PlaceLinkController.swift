import EclairageDomain
import Hummingbird

/// A place edits its own listing without an account: a link is sent to the address the listing
/// shows (so only the place receives it), valid seven days, once, and only while the listing still
/// shows that address; the edit waits for the editors.
enum PlaceLinkController {
    static let validity: Int64 = 7 * 86_400

    @Sendable static func send(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let id = try context.parameters.require("id")
        guard let row = try await services.database.read({ try await DirectoryQueries.find(id: id, in: $0) }),
            row.status == PlaceRow.published
        else {
            throw PageError.notFound
        }
        guard let email = row.place.emails.first else {
            return redirect(to: .place(id), flash: "directory.link_no_email")
        }
        let address = ClientAddress.of(request, context: context)
        if try await RateLimiter(services).attempt(.editLink, from: address, to: email) != nil {
            return redirect(to: .place(id), flash: "limits.edit_link")
        }
        let now = services.time.now()
        try await services.database.transaction { sql in
            try await PlaceEditLinks.issue(
                for: row, to: email, valid: validity, mail: "directory.mail_link", now: now, tokens: services.tokens,
                translations: services.views.translations, baseURL: services.configuration.baseURL, in: sql)
        }
        return redirect(to: .place(id), flash: "directory.link_sent")
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (_, row) = try await PlaceEditLinks.find(context, services: services)
        let token = try context.parameters.require("token")
        var model = PlaceFormPage.Model(
            PlaceFormBody(place: row.place), errors: [:], action: .placeEdit(token: token), editing: true,
            services: services, context: context)
        model.managerAction = context.identity.map { _ in SiteURL.placeEditManager(token: token).path }
        return services.views.render(
            "place-form", title: "directory.edit_title", titleValues: ["name": row.name], content: model,
            context: context)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (link, row) = try await PlaceEditLinks.find(context, services: services)
        let token = try context.parameters.require("token")
        let form = try context.decodeForm(PlaceFormBody.self)
        let now = services.time.now()
        let before = row.place
        let (place, errors) = form.check(
            id: before.externalID, schema: services.directory.schema, communes: try services.directory.communes(),
            today: DirectoryClock(now).day, keeping: before)
        guard let place, errors.isEmpty else {
            return services.views.render(
                "place-form", title: "directory.edit_title", titleValues: ["name": row.name],
                content: PlaceFormPage.Model(
                    form, errors: errors, action: .placeEdit(token: token), editing: true, services: services,
                    context: context
                ), context: context, status: .unprocessableContent)
        }
        let confirmed = try await PlaceEditLinks.use(
            token, link: link, row: row, sent: place, services: services, now: now)
        return redirect(to: .place(row.id), flash: confirmed ? "directory.confirmed_fresh" : "directory.edit_received")
    }
}
