import EclairageDomain
import Foundation
import Hummingbird
import ServiceLifecycle

/// The live part of a room through server-sent events (`/salles/{id}/direct`): each time the room's
/// version moves, one event carries a short header line (version, page structure, closed) and the
/// live part's HTML, which `salle.js` puts in place. A participant's stream is theirs (the room's
/// cookie); the facilitator's shows the same part. Without script, nothing here is needed.
enum WorkshopLive {
    @Sendable static func stream(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let roomID = try context.parameters.require("id")
        let token = WorkshopAccess.token(request, room: roomID)
        let state = try await services.database.read { sql -> WorkshopState? in
            guard let state = try await WorkshopState.load(roomID, in: sql) else { return nil }
            let participant = try await token.asyncFlatMap {
                try await WorkshopQueries.participant(room: roomID, tokenHash: TokenHash.of($0), in: sql)
            }
            let facilitator = try await WorkshopAccess.canFacilitate(
                context.identity, session: state.session, training: state.training, in: sql)
            return participant?.status == WorkshopParticipantRow.admitted || facilitator ? state : nil
        }
        guard let state else { throw PageError.notFound }
        let hub = services.workshops
        let language = context.language
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("X-Accel-Buffering")!] = "no"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let (id, events) = await hub.subscribe(roomID, version: state.room.version)
                var sent: Int64 = 0
                do {
                    try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                    // A server stopping ends its streams (the screens reconnect to another one).
                    try await withGracefulShutdownHandler {
                        for await event in events {
                            let version = await hub.version(of: roomID)
                            if version > sent {
                                sent = version
                                let data = await hub.fragment("\(roomID)|\(version)|\(language.rawValue)") {
                                    await render(roomID, services: services, context: context)
                                }
                                guard !data.isEmpty else { break }
                                try await writer.write(ByteBuffer(string: data))
                            } else if case .ping = event {
                                try await writer.write(ByteBuffer(string: ": ping\n\n"))
                            }
                        }
                    } onGracefulShutdown: {
                        Task { await hub.unsubscribe(roomID, id) }
                    }
                } catch {
                    // The screen went away: nothing to tell it.
                }
                await hub.unsubscribe(roomID, id)
                try? await writer.finish(nil)
            })
    }

    /// One event: `id:` the version, a first `data:` line of JSON (version, structure, closed), then
    /// the live part's HTML, one `data:` line per line.
    static func render(_ roomID: String, services: AppServices, context: AppRequestContext) async -> String {
        guard let state = try? await services.database.read({ try await WorkshopState.load(roomID, in: $0) }) else {
            return ""
        }
        let now = services.time.now()
        let model = WorkshopLivePart.Model(state, now: now, views: services.views, context: context)
        let html = services.views.fragment("workshop-live", content: model, language: context.language)
        let header =
            #"{"version":\#(state.room.version),"structure":"\#(state.structure(at: now))","closed":\#(model.closed)}"#
        let lines = html.split(separator: "\n", omittingEmptySubsequences: false).map { "data: " + $0 }
        return "id: \(state.room.version)\nevent: room\ndata: \(header)\n" + lines.joined(separator: "\n") + "\n\n"
    }

    @Sendable static func script(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        MapAssets.response(services.views.roomScript, type: "application/javascript; charset=utf-8")
    }
}
