import Hummingbird
import Logging

/// Turns every error into a page in the visitor's language with the right status:
/// a French 404 for a missing page, a clear 403/413/429, and a calm 500 that hides details.
/// It stands twice in the chain: inside, after the session, language and flash are known, so that
/// error pages speak the visitor's language and show the signed-in header (with the session's form
/// token for its sign-out button); and outermost, as a last resort for errors of the session layer.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: Views

    struct ErrorContent: Sendable {
        let code: Int
        let heading: String
        let message: String
        let homeLink = SiteURL.home.path
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return page(for: error.status, context: context)
        } catch let error as PageError {
            return page(for: error.status, context: context, messageKey: error.messageKey)
        } catch {
            context.logger.error(
                "Erreur inattendue sur \(request.method) \(request.uri.path) : \(String(reflecting: error))")
            return page(for: .internalServerError, context: context)
        }
    }

    private func page(for status: HTTPResponse.Status, context: Context, messageKey: String? = nil) -> Response {
        var context = context
        if context.csrfToken.isEmpty, context.identity != nil, let token = context.sessions.session?.csrf {
            context.csrfToken = token
        }
        let known: Set<Int> = [400, 403, 404, 405, 413, 429, 503]
        let code = known.contains(status.code) ? status.code : (status.code >= 500 ? 500 : 400)
        let content = ErrorContent(
            code: status.code,
            heading: views.text("error.\(code).title", context),
            message: views.text(messageKey ?? "error.\(code).text", context)
        )
        return views.render("error", title: "error.\(code).title", content: content, context: context, status: status)
    }
}

/// An error with its own explanation, shown on the error page.
struct PageError: Error {
    let status: HTTPResponse.Status
    let messageKey: String

    static let notFound = PageError(status: .notFound, messageKey: "error.404.text")
    static let csrf = PageError(status: .forbidden, messageKey: "error.csrf")
    /// A form body that does not decode (bad percent-encoding, not UTF-8): refused whole, nothing changed.
    static let malformedBody = PageError(status: .badRequest, messageKey: "error.malformed_body")
    static let tooLarge = PageError(status: .contentTooLarge, messageKey: "error.413.text")
    static let signInRequired = PageError(status: .forbidden, messageKey: "error.sign_in_required")
    static let forbidden = PageError(status: .forbidden, messageKey: "error.403.text")
    static let busy = PageError(status: .serviceUnavailable, messageKey: "error.busy")
}
