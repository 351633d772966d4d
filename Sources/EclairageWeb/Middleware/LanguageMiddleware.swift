import Hummingbird

/// Chooses the interface language: the visitor's choice (cookie), else the account's, else the browser's.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "eclairage_lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let chosen = request.cookies[Self.cookieName].flatMap({ Language(rawValue: $0.value) }) {
            context.language = chosen
        } else if let user = context.identity, let language = Language(rawValue: user.locale) {
            context.language = language
        } else {
            context.language = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
        }
        return try await next(request, context)
    }
}
