import Hummingbird
import HummingbirdAuth
import NIOCore

/// What a request carries through the middleware to the controllers.
public struct AppRequestContext: AuthRequestContext, SessionRequestContext, RemoteAddressRequestContext, RequestContext
{
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, if any.
    public var identity: User?
    public let sessions: SessionContext<WebSession>
    /// The anti-forgery token every form of this page must carry, when the visitor already has one
    /// (the session's, or the anonymous cookie's); empty otherwise (see `anonymousFormToken`).
    public var csrfToken: String = ""
    /// A new anonymous token, made only if the page shows a form.
    let anonymousFormToken = FormToken()
    /// Set while a page is rendered for `PageCache`: its forms keep `FormToken.slot`, filled at each serving.
    var keepsFormSlots = false
    public var language: Language = .fr
    /// Who the page speaks to: an advisor reading an association's report is not told "votre bilan".
    public var audience: Translations.Audience = .member
    /// A one-shot message (translation key) left by the previous request.
    public var flash: String?
    /// The form fields of a POST, already read and checked by the CSRF middleware.
    public var form = FormData()
    public let remoteAddress: SocketAddress?
    /// For the one streamed upload: the token its multipart body must carry (checked by the controller).
    public var uploadCSRF: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.sessions = .init()
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Forms are small: 64 kB is far more than any page of answers needs.
    public var maxUploadSize: Int { 64 * 1024 }
}

/// What the session cookie points to: who is signed in, since when, under which session generation
/// of the account, and the anti-forgery token of this session.
public struct WebSession: Codable, Sendable {
    public var userID: String
    public var createdAt: Int64
    public var lastSeen: Int64
    /// Sessions stored before these fields existed have none: they count as ended.
    public var generation: Int?
    public var csrf: String?
}
