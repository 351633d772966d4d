import Foundation
import Hummingbird

/// Headers every answer carries: no inline script, no framing, no MIME sniffing, a discreet referrer.
/// Pages are never stored by a browser or a proxy (`no-store`): each carries the visitor's anti-forgery
/// token, and many show private data; only answers that set their own `Cache-Control` (the stylesheet)
/// may be kept. Over https, HSTS is sent and every cookie the site sets is marked `Secure`, whichever
/// code set it.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String { policy(tiles: nil) }

    /// Images may also come from the configured tile server, and nothing else.
    static func policy(tiles: String?) -> String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:\(tiles.map { " " + $0 } ?? ""); "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    }

    /// One year, as browsers' preload lists expect.
    static var strictTransportSecurity: String { "max-age=31536000; includeSubDomains" }

    let https: Bool
    var tiles: String? = nil

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.init("Content-Security-Policy")!] =
            tiles == nil ? Self.contentSecurityPolicy : Self.policy(tiles: tiles)
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if https {
            response.headers[.init("Strict-Transport-Security")!] = Self.strictTransportSecurity
            let cookies = response.headers[values: .setCookie]
            if cookies.contains(where: { !Self.isSecure($0) }) {
                response.headers[values: .setCookie] = cookies.map { Self.isSecure($0) ? $0 : $0 + "; Secure" }
            }
        }
        return response
    }

    static func isSecure(_ setCookie: String) -> Bool {
        setCookie.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "secure" }
    }
}
