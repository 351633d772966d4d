import Hummingbird

/// The visitor's address, as the rate limits count it; behind a local reverse proxy, the one it forwards.
enum ClientAddress {
    static func of(_ request: Request, context: AppRequestContext) -> String {
        let peer = context.remoteAddress?.ipAddress
        if peer == nil || peer == "127.0.0.1" || peer == "::1",
            let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").last
        {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return peer ?? "inconnue"
    }
}
