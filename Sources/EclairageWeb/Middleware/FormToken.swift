import EclairageDomain
import NIOConcurrencyHelpers

/// The anonymous visitor's form token, made only when a page actually shows a form: a page without
/// one (most public pages, `/healthz`, feeds, exports) generates no token and sets no cookie.
/// Shared by every copy of the request's context, so the CSRF middleware sees what the page used.
final class FormToken: Sendable {
    /// Written where a page's forms carry their token; replaced by the visitor's token after
    /// rendering (and in cached pages, at each serving). Random per process, so no page text can
    /// forge it; letters and digits only, so HTML escaping leaves it whole.
    static let slot = Token.random(length: 32)

    private let minted = NIOLockedValueBox<String?>(nil)

    /// A new token for this visitor, the same one however many forms the page has.
    func mint() -> String {
        minted.withLockedValue { token in
            if let token { return token }
            let fresh = CSRFMiddleware.newToken()
            token = fresh
            return fresh
        }
    }

    /// The token handed to the page, if it showed a form.
    var handedOut: String? { minted.withLockedValue { $0 } }
}

extension AppRequestContext {
    /// The token this page's forms carry: the session's or the cookie's, else a new one (and then
    /// the CSRF middleware sets the cookie).
    func formTokenForPage() -> String { csrfToken.isEmpty ? anonymousFormToken.mint() : csrfToken }

    /// Puts this visitor's token in the slots of a rendered page; a page without a slot is left as is.
    func fillingFormTokens(_ html: String) -> String {
        guard !keepsFormSlots, html.contains(FormToken.slot) else { return html }
        return html.replacingOccurrences(of: FormToken.slot, with: formTokenForPage())
    }
}
