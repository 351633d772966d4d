import Hummingbird

/// The notes a reader may see (an advisor also sees their bodies' internal notes), and the page.
extension FollowPage {
    static func response(
        _ loaded: AuthorizedAssociation, form: FormState, closeForm: FormState = .empty, context: AppRequestContext,
        services: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let id = loaded.association.id
        let bodies = loaded.grants.map(\.supportBodyId)
        let notes = try await services.database.read {
            try await NoteQueries.visible(association: id, internalOf: bodies, in: $0)
        }
        let model = Model.make(
            notes, loaded: loaded, form: form, closeForm: closeForm,
            today: DateFormatting.parisDay(services.time.now()), context: context,
            views: services.views)
        return services.views.render(
            "follow", title: "follow.title", titleValues: ["name": loaded.association.name], content: model,
            context: context, status: status)
    }
}
