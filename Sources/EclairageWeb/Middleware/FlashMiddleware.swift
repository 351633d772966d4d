import Hummingbird

/// One-shot messages after a redirect ("Votre association est créée."). The cookie holds a translation
/// key, never text, so nothing a visitor sends can appear through it.
struct FlashMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "eclairage_flash"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let key = request.cookies[Self.cookieName]?.value else { return try await next(request, context) }
        var context = context
        if key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) { context.flash = key }
        var response = try await next(request, context)
        if request.method == .get {
            let expired = Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax)
            response.headers[values: .setCookie].append(expired.description)
        }
        return response
    }
}
