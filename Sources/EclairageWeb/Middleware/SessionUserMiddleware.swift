import Hummingbird
import HummingbirdAuth

/// Finds who is signed in from the session, and ends sessions that sat idle or lived too long.
struct SessionUserMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: Database
    let time: TimeSource
    let idleSeconds: Int64
    let maxSeconds: Int64

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let session = context.sessions.session else { return try await next(request, context) }
        let now = time.now()
        if now - session.lastSeen > idleSeconds || now - session.createdAt > maxSeconds {
            context.sessions.clearSession()
            return try await next(request, context)
        }
        guard let user = try await database.read({ sql in try await UserQueries.find(id: session.userID, in: sql) }),
            session.generation == user.sessionGeneration
        else {
            // Unknown account, or a session opened before the last password change: signed out.
            context.sessions.clearSession()
            return try await next(request, context)
        }
        var context = context
        context.identity = user
        // Refresh the idle clock at most once a minute, to spare a write per request.
        if now - session.lastSeen >= 60 {
            var refreshed = session
            refreshed.lastSeen = now
            _ = context.sessions.updateSession(refreshed, expiresIn: .seconds(idleSeconds))
        }
        return try await next(request, context)
    }
}
