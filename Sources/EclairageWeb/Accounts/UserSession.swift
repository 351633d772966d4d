import EclairageDomain
import Hummingbird
import HummingbirdAuth

/// Opening and closing a signed-in session (signing in or up, a changed password, a deleted account).
enum UserSession {
    /// A fresh session id at every sign-in: the old session, if any, is deleted on the server.
    static func start(for user: User, request: Request, context: AppRequestContext, services: AppServices)
        async throws
    {
        if let oldID = request.cookies["SESSION_ID"]?.value {
            try await services.sessionStore.remove(key: "hbs.\(oldID)")
        }
        let now = services.time.now()
        context.sessions.createSession(
            WebSession(
                userID: user.id, createdAt: now, lastSeen: now, generation: user.sessionGeneration,
                csrf: CSRFMiddleware.newToken()),
            expiresIn: .seconds(Int64(services.configuration.sessionIdleMinutes) * 60)
        )
    }

    /// Ends the session on the server, and hands the browser a new anonymous anti-forgery token.
    static func end(_ response: Response, context: AppRequestContext, services: AppServices) -> Response {
        context.sessions.clearSession()
        var response = response
        let secure = services.configuration.secureCookies
        response.headers[values: .setCookie].append(
            CSRFMiddleware.anonymousCookie(CSRFMiddleware.newToken(), secure: secure).description)
        return response
    }
}
