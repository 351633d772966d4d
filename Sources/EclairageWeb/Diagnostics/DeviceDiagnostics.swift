import Hummingbird

/// The anonymous diagnostics started in this browser, with their tokens, so that an association's
/// page can offer a member to attach them instead of answering everything again. The page lists only
/// those whose token still matches (a planted id shows nothing). The cookie is `HttpOnly` like the
/// per-diagnostic one; attaching revokes the token, so the entry then opens nothing.
enum DeviceDiagnostics {
    static let cookieName = "eclairage_commences"
    static let kept = 5

    struct Entry: Sendable, Equatable {
        let id: String
        let token: String
    }

    static func entries(_ request: Request) -> [Entry] {
        guard let value = request.cookies[cookieName]?.value else { return [] }
        let entries = value.split(separator: ".").compactMap { pair -> Entry? in
            let parts = pair.split(separator: ":").map(String.init)
            guard parts.count == 2, parts.allSatisfy({ $0.count <= 64 && $0.allSatisfy { $0.isLetter || $0.isNumber } })
            else { return nil }
            return Entry(id: parts[0], token: parts[1])
        }
        return Array(entries.suffix(kept))
    }

    /// The cookie after starting `entry` here: the last few, for as long as anonymous diagnostics are kept.
    static func cookie(adding entry: Entry, to request: Request, retentionDays: Int, secure: Bool) -> Cookie {
        let all = (entries(request).filter { $0.id != entry.id } + [entry]).suffix(kept)
        return Cookie(
            name: cookieName, value: all.map { "\($0.id):\($0.token)" }.joined(separator: "."),
            maxAge: retentionDays * 24 * 3600,
            path: "/", secure: secure, httpOnly: true, sameSite: .lax
        )
    }
}
