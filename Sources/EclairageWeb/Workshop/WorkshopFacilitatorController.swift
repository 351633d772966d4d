import EclairageDomain
import Hummingbird

/// The facilitator's side: opening a room for a session, its page, and what they do there (see
/// `WorkshopFacilitation`). Only the session's organiser (`WorkshopAccess.canFacilitate`).
enum WorkshopFacilitatorController {
    /// Opens a room for the session, or goes to the one already open.
    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let sessionID = try context.parameters.require("id")
        let now = services.time.now()
        let roomID = try await services.database.transaction { sql -> String in
            guard let session = try await CalendarQueries.lockSession(sessionID, in: sql),
                let training = try await CalendarQueries.training(session.trainingId, in: sql)
            else { throw PageError.notFound }
            guard try await WorkshopAccess.canFacilitate(user, session: session, training: training, in: sql) else {
                throw PageError.forbidden
            }
            guard session.cancelled == 0, now < session.endsAt + WorkshopState.closingDelay else {
                throw PageError(status: .conflict, messageKey: "workshop.error.session_over")
            }
            if let open = try await WorkshopQueries.rooms(session: sessionID, in: sql).first(where: {
                $0.closedAt == nil
            }) {
                return open.id
            }
            var generator = SystemRandomNumberGenerator()
            var code = JoinCode.make(using: &generator)
            while try await WorkshopQueries.room(code: code, in: sql) != nil { code = JoinCode.make(using: &generator) }
            let room = WorkshopRoomRow(
                id: services.tokens.identifier(), sessionId: sessionID, code: code, createdBy: user.id, approval: 0,
                reminder: 0, currentItem: nil, speakingHand: nil, timerSeconds: nil, voteQuestion: nil, voteOpen: 0,
                version: 1, summary: nil, closedAt: nil, createdAt: now, updatedAt: now)
            try await WorkshopQueries.insert(room, in: sql)
            return room.id
        }
        return redirect(to: .roomFacilitation(roomID), flash: "workshop.opened")
    }

    static func load(_ context: AppRequestContext, services: AppServices) async throws -> (WorkshopState, User) {
        let roomID = try context.parameters.require("id")
        guard let state = try await services.database.read({ try await WorkshopState.load(roomID, in: $0) }) else {
            throw PageError.notFound
        }
        return (state, try await WorkshopAccess.requireFacilitator(context, state, services: services))
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (state, _) = try await load(context, services: services)
        return try await render(state.room.id, values: [:], errors: [:], context: context, services: services)
    }

    static func render(
        _ roomID: String, values: [String: String], errors: [String: String], context: AppRequestContext,
        services: AppServices
    ) async throws -> Response {
        let loaded = try await services.database.read { sql -> (WorkshopState, [WorkshopOverrideRow])? in
            guard let state = try await WorkshopState.load(roomID, in: sql) else { return nil }
            return (state, try await WorkshopQueries.overrides(roomID, in: sql))
        }
        guard let (state, overrides) = loaded else { throw PageError.notFound }
        let model = WorkshopFacilitatorPage.Model(
            state, overrides: overrides, values: values, errors: errors, now: services.time.now(),
            views: services.views, context: context)
        return services.views.render(
            "workshop-facilitator", title: "workshop.facilitator_title", titleValues: ["title": state.training.title],
            content: model, context: context, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable static func act(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let form = try context.decodeForm(WorkshopFacilitatorBody.self)
        let (state, user) = try await load(context, services: services)
        let now = services.time.now()
        guard !state.isClosed(at: now) else {
            throw PageError(status: .gone, messageKey: "workshop.error.closed")
        }
        let facilitation = WorkshopFacilitation(
            form: form, user: user.id, now: now, ids: { services.tokens.identifier() })
        let errors = try await services.database.transaction { sql -> [String: String] in
            guard let room = try await WorkshopQueries.lock(state.room.id, in: sql),
                let fresh = try await WorkshopState.load(room, in: sql)
            else { throw PageError.notFound }
            return try await facilitation.apply(to: fresh, in: sql)
        }
        guard errors.isEmpty else {
            let values = [
                "title": form.title, "start": form.start, "end": form.end, "question": form.question,
                "options": form.options, "minutes": form.minutes,
            ]
            return try await render(state.room.id, values: values, errors: errors, context: context, services: services)
        }
        await services.workshops.changed(state.room.id)
        return redirect(to: .roomFacilitation(state.room.id), flash: "workshop.done.\(form.action)")
    }
}
