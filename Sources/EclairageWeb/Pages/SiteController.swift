import Foundation
import Hummingbird

/// The home page, the health check, the language switch and the stylesheet.
enum SiteController {
    @Sendable static func home(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        services.views.render(
            "home", title: "home.title", content: HomePage.Model(signedIn: context.identity != nil), context: context)
    }

    /// JSON for load balancers and monitoring: 200 when the database answers, 503 otherwise.
    @Sendable static func healthz(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let healthy: Bool
        do {
            try await services.database.read { try await AdminQueries.ping(in: $0) }
            healthy = true
        } catch {
            healthy = false
        }
        let cache = services.pageCache.statistics
        let body =
            #"{"status":"\#(healthy ? "ok" : "error")","database":{"kind":"\#(services.database.kind.rawValue)","status":"\#(healthy ? "ok" : "unreachable")"},"page_cache":{"bytes":\#(cache.bytes),"limit":\#(services.pageCache.limit),"entries":\#(cache.entries),"hits":\#(cache.hits),"misses":\#(cache.misses)}}"#
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(
            status: healthy ? .ok : .serviceUnavailable, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Remembers the chosen language in a cookie and goes back where the visitor was (same site only).
    @Sendable static func language(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let code = try context.parameters.require("code")
        guard let language = Language(rawValue: code) else { throw PageError.notFound }
        if let user = context.identity {
            try await services.database.write {
                try await UserQueries.setLocale(userID: user.id, language: language, in: $0)
            }
        }
        var target = SiteURL.home.path
        if let referer = request.headers[.referer], let url = URL(string: referer), let host = url.host,
            host == request.head.authority?.split(separator: ":").first.map(String.init),
            let path = LocalPath.checked(url.path)
        {
            target = path
        }
        var response = Response.redirect(to: target, type: .normal)
        let cookie = Cookie(
            name: LanguageMiddleware.cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
            httpOnly: true, sameSite: .lax)
        response.headers[values: .setCookie].append(cookie.description)
        return response
    }

    @Sendable static func stylesheet(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: services.views.stylesheet))
    }
}
