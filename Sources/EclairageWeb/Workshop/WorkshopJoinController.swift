import EclairageDomain
import Foundation
import Hummingbird

/// Joining a room from a phone: its short code and a first name or nickname, no account. The
/// browser gets a cookie for this room only; coming back with it, the participant is still the same.
/// In a room with approved joins, a newcomer waits until the facilitator lets them in.
enum WorkshopJoinController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let code = request.uri.queryParameters.get("code") ?? ""
        return render(code: code, name: "", errors: [:], context: context, services: services)
    }

    static func render(
        code: String, name: String, errors: [String: String], context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status? = nil
    ) -> Response {
        let model = WorkshopJoinPage.Model(
            action: SiteURL.joinRoom.path,
            state: FormState(
                values: ["code": code, "name": name], errors: errors,
                errorList: ["code", "name"].compactMap { field in
                    errors[field].map { .init(field: field, message: $0) }
                }), maxName: WorkshopLimits.name)
        return services.views.render(
            "workshop-join", title: "workshop.join_title", content: model, context: context,
            status: status ?? (errors.isEmpty ? .ok : .unprocessableContent))
    }

    @Sendable static func join(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let form = try context.decodeForm(WorkshopJoinBody.self)
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = services.time.now()
        // Counted before the code is looked up, so codes cannot be tried in bulk.
        if let refusal = try await RateLimiter(services).attempt(
            .roomJoin, from: ClientAddress.of(request, context: context))
        {
            let message = FormLimit.roomJoin.message(refusal, views: services.views, context: context)
            return render(
                code: form.code, name: form.name, errors: ["code": message], context: context, services: services,
                status: .tooManyRequests)
        }
        var errors: [String: String] = [:]
        var state: WorkshopState?
        if let code = JoinCode.read(form.code) {
            state = try await services.database.read { sql in
                guard let room = try await WorkshopQueries.room(code: code, in: sql) else { return nil }
                return try await WorkshopState.load(room, in: sql)
            }
        }
        if state.map({ $0.isClosed(at: now) }) ?? true {
            errors["code"] = services.views.text("workshop.error.code", context)
        }
        if name.isEmpty {
            errors["name"] = services.views.text("workshop.error.name_missing", context)
        } else if name.count > WorkshopLimits.name || name.contains(where: \.isNewline) {
            errors["name"] = services.views.text("workshop.error.name_long", context)
        }
        guard let state, errors.isEmpty else {
            return render(code: form.code, name: form.name, errors: errors, context: context, services: services)
        }
        let room = state.room
        // A browser that joined already stays who it was (a removed one stays removed).
        if let token = WorkshopAccess.token(request, room: room.id),
            try await services.database.read({
                try await WorkshopQueries.participant(room: room.id, tokenHash: TokenHash.of(token), in: $0)
            }) != nil
        {
            return redirect(to: .room(room.id))
        }
        let token = services.tokens.random(length: 32)
        let participant = WorkshopParticipantRow(
            id: services.tokens.identifier(), roomId: room.id, tokenHash: TokenHash.of(token), name: name,
            status: room.approval == 1 ? WorkshopParticipantRow.waiting : WorkshopParticipantRow.admitted, turns: 0,
            replies: 0, joinedAt: now)
        try await services.database.transaction { sql in
            try await WorkshopQueries.insert(participant, in: sql)
            try await WorkshopQueries.touch(room.id, now: now, in: sql)
        }
        await services.workshops.changed(room.id)
        var response = redirect(to: .room(room.id), flash: "workshop.joined")
        response.headers[values: .setCookie].append(
            WorkshopAccess.cookie(
                token, room: room.id, maxAge: state.closesAt - now, secure: services.configuration.secureCookies
            ).description)
        return response
    }
}

/// The join form: the room's code and a name.
enum WorkshopJoinPage {
    struct Model: Sendable {
        let action: String
        let state: FormState
        let maxName: Int
    }
}
