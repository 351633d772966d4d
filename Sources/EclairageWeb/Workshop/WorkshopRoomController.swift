import EclairageDomain
import Hummingbird

/// A participant's room: their page, raising or lowering their hand, voting. The participant is the
/// browser's cookie for this room; without one (or with another room's), the join form.
enum WorkshopRoomController {
    /// The room and the participant this browser is in it; a browser that never joined is sent to
    /// the join form (with the code filled in) by the caller.
    static func load(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> (WorkshopState, WorkshopParticipantRow?)
    {
        let roomID = try context.parameters.require("id")
        let token = WorkshopAccess.token(request, room: roomID)
        let loaded = try await services.database.read { sql -> (WorkshopState, WorkshopParticipantRow?)? in
            guard let state = try await WorkshopState.load(roomID, in: sql) else { return nil }
            let participant = try await token.asyncFlatMap {
                try await WorkshopQueries.participant(room: roomID, tokenHash: TokenHash.of($0), in: sql)
            }
            return (state, participant)
        }
        guard let loaded else { throw PageError.notFound }
        return loaded
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (state, participant) = try await load(request, context: context, services: services)
        guard let participant else { return joinFirst(state) }
        return render(state, participant, errors: [:], context: context, services: services)
    }

    static func joinFirst(_ state: WorkshopState) -> Response {
        redirect(toPath: SiteURL.joinRoom.path + "?code=" + state.room.code, flash: "workshop.join_first")
    }

    static func render(
        _ state: WorkshopState, _ participant: WorkshopParticipantRow, errors: [String: String],
        context: AppRequestContext, services: AppServices
    ) -> Response {
        let now = services.time.now()
        let model = WorkshopRoomPage.Model(
            state, participant: participant, errors: errors, now: now, views: services.views, context: context)
        let status: HTTPResponse.Status =
            !errors.isEmpty
            ? .unprocessableContent
            : state.isClosed(at: now)
                ? .gone : participant.status == WorkshopParticipantRow.removed ? .forbidden : .ok
        return services.views.render(
            "workshop-room", title: "workshop.room_title", titleValues: ["title": state.training.title], content: model,
            context: context, status: status)
    }

    /// A participant's action. The write reads only what it checks (the room, the session's end, the
    /// sender, their open hand or ballot): a hand raised in a full room costs a few statements.
    @Sendable static func act(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let form = try context.decodeForm(WorkshopParticipantBody.self)
        let roomID = try context.parameters.require("id")
        let token = WorkshopAccess.token(request, room: roomID)
        let found = try await services.database.read { sql -> (WorkshopRoomRow, Int64, WorkshopParticipantRow?)? in
            guard let room = try await WorkshopQueries.room(roomID, in: sql),
                let session = try await CalendarQueries.session(room.sessionId, in: sql)
            else { return nil }
            let participant = try await token.asyncFlatMap {
                try await WorkshopQueries.participant(room: roomID, tokenHash: TokenHash.of($0), in: sql)
            }
            return (room, session.endsAt + WorkshopState.closingDelay, participant)
        }
        guard let (room, closesAt, participant) = found else { throw PageError.notFound }
        guard let participant else {
            return redirect(toPath: SiteURL.joinRoom.path + "?code=" + room.code, flash: "workshop.join_first")
        }
        let now = services.time.now()
        guard room.closedAt == nil, now < closesAt, participant.status == WorkshopParticipantRow.admitted else {
            let (state, _) = try await load(request, context: context, services: services)
            return render(state, participant, errors: [:], context: context, services: services)
        }
        let refusal: (field: String, key: String)? = try await services.database.transaction { sql in
            guard let room = try await WorkshopQueries.lock(roomID, in: sql) else { throw PageError.notFound }
            switch form.action {
            case "raise":
                guard try await WorkshopQueries.openHand(of: participant.id, in: sql) == nil else {
                    return ("hand", "workshop.error.already_raised")
                }
                guard let kind = SpeakingQueue.Kind(rawValue: form.kind) else { return ("hand", "workshop.error.kind") }
                try await WorkshopQueries.insert(
                    WorkshopHandRow(
                        id: services.tokens.identifier(), roomId: room.id, participantId: participant.id,
                        kind: kind.rawValue, raisedAt: now), in: sql)
            case "lower":
                guard var hand = try await WorkshopQueries.openHand(of: participant.id, in: sql),
                    hand.id != room.speakingHand
                else { return nil }
                hand.doneAt = now
                try await WorkshopQueries.update(hand, in: sql)
            case "vote":
                let voted = try await WorkshopQueries.hasVoted(room: room.id, participant: participant.id, in: sql)
                let options = try await WorkshopQueries.options(room.id, in: sql).map(\.id)
                if let refusal = TopicVote.check(
                    option: form.option, options: options, alreadyVoted: voted, open: room.voteOpen == 1)
                {
                    return ("vote", "workshop.error.vote_\(refusal.rawValue)")
                }
                let counted = try await WorkshopQueries.vote(
                    WorkshopBallotRow(
                        roomId: room.id, participantId: participant.id, optionId: form.option, createdAt: now),
                    in: sql)
                guard counted else { return ("vote", "workshop.error.vote_already_voted") }
            default:
                throw PageError(status: .badRequest, messageKey: "error.400.text")
            }
            try await WorkshopQueries.touch(room.id, now: now, in: sql)
            return nil
        }
        if let refusal {
            let (state, _) = try await load(request, context: context, services: services)
            return render(
                state, participant, errors: [refusal.field: refusal.key], context: context, services: services)
        }
        await services.workshops.changed(roomID)
        return redirect(to: .room(roomID), flash: "workshop.saved.\(form.action)")
    }
}

extension Optional {
    /// The value transformed, when there is one.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
