import Hummingbird
import HummingbirdAuth
import NIOCore

/// What a request carries through the middleware to the controllers.
public struct AppRequestContext: AuthRequestContext, SessionRequestContext, RemoteAddressRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, if any.
    public var identity: User?
    public let sessions: SessionContext<WebSession>
    /// The anti-forgery token every form of this page must carry.
    public var csrfToken: String = ""
    public var language: Language = .fr
    /// A one-shot message (translation key) left by the previous request.
    public var flash: String?
    /// The form fields of a POST, already read and checked by the CSRF middleware.
    public var form = FormData()
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.sessions = .init()
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Forms are small: 64 kB is far more than any page of answers needs.
    public var maxUploadSize: Int { 64 * 1024 }
}

/// What the session cookie points to: who is signed in, and since when.
public struct WebSession: Codable, Sendable {
    public var userID: String
    public var createdAt: Int64
    public var lastSeen: Int64
}
