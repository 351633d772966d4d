import Crypto
import EclairageDomain
import Foundation
import Hummingbird

/// Anti-forgery: every visitor gets a random token in an `HttpOnly`, `SameSite=Lax` cookie, and every
/// form repeats it in a hidden `_csrf` field. A POST whose field does not match the cookie is refused.
/// The middleware also reads (at most 64 kB of) the form body once, for the controllers.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "eclairage_csrf"
    static let fieldName = "_csrf"
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let existing = request.cookies[Self.cookieName]?.value
        let token = existing.flatMap { $0.count == 32 ? $0 : nil } ?? Token.random(length: 32)
        context.csrfToken = token
        if request.method == .post {
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: context.maxUploadSize)
            } catch {
                throw PageError.tooLarge
            }
            let form = FormData(encoded: String(buffer: body))
            guard let existing, let sent = form[Self.fieldName], Self.constantTimeEqual(existing, sent) else {
                throw PageError.csrf
            }
            context.form = form
        }
        var response = try await next(request, context)
        if existing != token {
            let cookie = Cookie(name: Self.cookieName, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
            response.headers[values: .setCookie].append(cookie.description)
        }
        return response
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
