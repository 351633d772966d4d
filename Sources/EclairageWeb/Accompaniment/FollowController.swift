import EclairageDomain
import Hummingbird

/// Interview notes: an advisor writes dated notes on an association that let their body in; the
/// association reads them, except those marked internal to the body. Every advisor read is logged.
enum FollowController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services, logging: "follow")
        return try await FollowPage.response(loaded, form: .empty, context: context, services: services)
    }

    @Sendable static func add(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services, logging: nil)
        guard loaded.access == .advisor else { throw PageError.forbidden }
        let body = try context.decodeForm(NoteBody.self)
        let now = services.time.now()
        let form = NoteForm(day: body.day, text: body.text, isInternal: !body.internal.isEmpty, minutes: body.minutes)
        let grant = loaded.grants.first { $0.supportBodyId == body.supportBody } ?? loaded.grants.first
        switch form.validate(today: DateFormatting.parisDay(now)) {
        case .failure(let errors):
            let state = FormState(
                values: body.values, errors: errors, order: ["day", "text", "minutes"], views: services.views,
                context: context)
            return try await FollowPage.response(
                loaded, form: state, context: context, services: services, status: .unprocessableContent)
        case .success(let note):
            guard let grant else { throw PageError.forbidden }
            let row = NoteQueries.Note(
                id: services.tokens.identifier(), associationId: loaded.association.id,
                supportBodyId: grant.supportBodyId, authorId: loaded.user.id, authorName: loaded.user.displayName,
                notedOn: note.day.iso, text: note.text, internal: note.isInternal ? 1 : 0, minutes: note.minutes,
                createdAt: now)
            try await services.database.write { try await NoteQueries.insert(row, in: $0) }
            return redirect(to: .associationFollow(loaded.association.id), flash: "note.added")
        }
    }
}
