import Foundation
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers

/// A visitor: keeps cookies between requests like a browser, and fills forms with the CSRF token
/// the last page gave (signed in, the token belongs to the session, not to a cookie).
final class Browser: Sendable {
    let client: any TestClientProtocol
    private let cookies = NIOLockedValueBox<[String: String]>([:])
    private let pageToken = NIOLockedValueBox<String?>(nil)
    /// The client address a reverse proxy would name in `X-Forwarded-For` (tests see no peer address).
    private let address: String?

    init(client: any TestClientProtocol, address: String? = nil) {
        self.client = client
        self.address = address
    }

    struct Page: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        /// The body as sent.
        let raw: String
        /// The body's bytes, for files that are not text.
        var bytes: [UInt8] = []
        /// The body with French non-breaking spaces read as ordinary ones, for assertions on wording.
        var text: String { raw.plain }

        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }

        /// The value of the first `name="_csrf"` field.
        var csrfToken: String? {
            guard let range = text.range(of: #"name="_csrf" value=""#) else { return nil }
            return String(text[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    var cookieHeader: String {
        cookies.withLockedValue { $0.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
    }

    func cookie(_ name: String) -> String? { cookies.withLockedValue { $0[name] } }

    func setCookie(_ name: String, _ value: String) { cookies.withLockedValue { $0[name] = value } }

    @discardableResult
    func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await request(path, method: .get, headers: extra, body: nil)
    }

    /// The anti-forgery token a form of this browser would carry: the last page's, else the
    /// anonymous cookie's (fetching the home page first when there is neither: signed in, its sign-out
    /// form has the token; signed out, it has no form, so the sign-in page is fetched).
    func csrfToken() async throws -> String {
        if let token = pageToken.withLockedValue({ $0 }) { return token }
        try await get("/")
        if pageToken.withLockedValue({ $0 }) == nil { try await get("/connexion") }
        return pageToken.withLockedValue { $0 } ?? cookie("eclairage_csrf") ?? cookie("__Host-eclairage_csrf") ?? ""
    }

    /// Posts a form as a browser would, with the token the site gave this browser.
    @discardableResult
    func submit(_ path: String, _ fields: [String: String], csrf: String? = nil) async throws -> Page {
        var all = fields
        if let csrf { all["_csrf"] = csrf } else { all["_csrf"] = try await csrfToken() }
        return try await post(path, body: Self.encode(all))
    }

    /// Posts a body with the headers given.
    @discardableResult
    func send(_ path: String, headers: HTTPFields, body: ByteBuffer) async throws -> Page {
        try await request(path, method: .post, headers: headers, body: body)
    }

    /// Posts bytes as a form body, whatever they are (malformed bodies).
    @discardableResult
    func post(_ path: String, bytes: ByteBuffer) async throws -> Page {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await request(path, method: .post, headers: headers, body: bytes)
    }

    @discardableResult
    func post(_ path: String, body: String) async throws -> Page {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await request(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a file as a browser's multipart form would: the token first, then the file.
    @discardableResult
    func upload(_ path: String, field: String, fileName: String, contents: [UInt8], csrf: String? = nil) async throws
        -> Page
    {
        let token: String
        if let csrf { token = csrf } else { token = try await csrfToken() }
        let boundary = "----eclairage-test-boundary-7d1f"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n"
        )
        body.writeBytes(contents)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await request(path, method: .post, headers: headers, body: body)
    }

    private func request(_ path: String, method: HTTPRequest.Method, headers extra: HTTPFields, body: ByteBuffer?)
        async throws -> Page
    {
        var headers = extra
        if let address { headers[.init("X-Forwarded-For")!] = address }
        let jar = cookieHeader
        if !jar.isEmpty { headers[.cookie] = jar }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body) { $0 }
        let page = Page(
            status: response.status, headers: response.headers, raw: String(buffer: response.body),
            bytes: Array(buffer: response.body))
        // The token of the last page; after an answer that carries none (a redirect, an error, a
        // sign-in or sign-out), the next form is taken from a fresh page, as a person would.
        pageToken.withLockedValue { $0 = page.csrfToken }
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let name = parts.first else { continue }
            let value = parts.count > 1 ? String(parts[1]) : ""
            let expired = line.contains("Max-Age=0") || value.isEmpty
            cookies.withLockedValue { jar in
                if expired { jar[String(name)] = nil } else { jar[String(name)] = value }
            }
        }
        return page
    }

    /// Posts a form whose fields may repeat (check boxes), as a browser sends them.
    @discardableResult
    func submit(pairs: [(String, String)], to path: String) async throws -> Page {
        try await submit(path, pairs: pairs)
    }

    @discardableResult
    func submit(_ path: String, pairs: [(String, String)]) async throws -> Page {
        let body = ([("_csrf", try await csrfToken())] + pairs).map { Self.encode([$0.0: $0.1]) }.joined(separator: "&")
        return try await post(path, body: body)
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map {
            "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}

extension String {
    /// French non-breaking spaces read as ordinary ones, for assertions on wording.
    var plain: String {
        replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }
}
