import EclairageDomain
import Foundation
import Hummingbird

/// Anti-forgery. Signed in, the token belongs to the session: kept in it on the server, new at each
/// sign-in, so a cookie planted from elsewhere proves nothing. Signed out (sign-in, sign-up, the
/// anonymous diagnostic), a random token sits in an `HttpOnly`, `SameSite=Lax` cookie (`__Host-` over
/// https) and every form repeats it; a new one is handed out at sign-out. A page without a form makes
/// no token and sets no cookie (`FormToken`). Only well-formed tokens (our
/// length and alphabet, not a run of one letter) are accepted. The middleware also reads (at most
/// 64 kB of) the form body once, for the controllers.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let fieldName = "_csrf"
    static let length = 32
    let secureCookies: Bool

    /// `__Host-` tells the browser the cookie came from this exact host over https, with path `/`.
    static func cookieName(secure: Bool) -> String { secure ? "__Host-eclairage_csrf" : "eclairage_csrf" }

    static func newToken() -> String { Token.random(length: length) }

    /// Our tokens: 32 characters of `Token`'s alphabet, with the variety of a random draw.
    static func isWellFormed(_ token: String) -> Bool {
        token.count == length && token.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            && Set(token).count >= 8
    }

    static func anonymousCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName(secure: secure), value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        var request = request
        let name = Self.cookieName(secure: secureCookies)
        let cookie = request.cookies[name].map(\.value).flatMap { Self.isWellFormed($0) ? $0 : nil }
        let sessionToken = context.identity == nil ? nil : context.sessions.session?.csrf
        let expected = sessionToken ?? cookie
        context.csrfToken = expected ?? ""
        if request.method == .post, Self.streamsUpload(request) {
            // A file upload is read as a stream by its controller, which checks the token (sent
            // before the file) against this one before writing anything.
            guard let expected else { throw PageError.csrf }
            context.uploadCSRF = expected
        } else if request.method == .post {
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: context.maxUploadSize)
            } catch {
                throw PageError.tooLarge
            }
            guard let form = FormData(bytes: body.readableBytesView) else { throw PageError.malformedBody }
            guard let expected, let sent = form[Self.fieldName], Self.constantTimeEqual(expected, sent) else {
                throw PageError.csrf
            }
            context.form = form
        }
        var response = try await next(request, context)
        // Only a page that showed a form made a token: no cookie for the others.
        if sessionToken == nil && cookie == nil, let token = context.anonymousFormToken.handedOut {
            response.headers[values: .setCookie].append(Self.anonymousCookie(token, secure: secureCookies).description)
        }
        return response
    }

    /// The routes that take a file (multipart, streamed): the directory import, a badge's picture.
    static func streamsUpload(_ request: Request) -> Bool {
        (request.uri.path == SiteURL.adminDirectory.path || BadgeUpload.accepts(request.uri.path))
            && request.headers[.contentType]?.hasPrefix("multipart/form-data") == true
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
