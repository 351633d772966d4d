import Foundation

/// A web address a person or a file gives (a place's site, a booking page, a training's online
/// link, a tool's site): `http` or `https` only, with a host, and nothing a browser would strip or
/// reinterpret (spaces, control characters). `javascript:`, `data:` or `ftp:` addresses, `//host`
/// without a scheme, and any spelling of them (`JaVaScRiPt:`, leading spaces) are refused: such a
/// link, once published, runs or fetches something else than a page.
public enum WebAddress {
    public static let schemes: Set<String> = ["http", "https"]

    public static func isAcceptable(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 2000,
            !text.unicodeScalars.contains(where: {
                $0.properties.isWhitespace || $0.properties.generalCategory == .control
                    || $0.properties.generalCategory == .format
            }),
            let colon = text.firstIndex(of: ":"), schemes.contains(text[..<colon].lowercased()),
            text[colon...].hasPrefix("://"),
            let components = URLComponents(string: text), let scheme = components.scheme,
            schemes.contains(scheme.lowercased()),
            let host = components.host, !host.isEmpty, components.user == nil, components.password == nil
        else { return false }
        return true
    }

    /// The French message for a refused address.
    public static func problem(_ text: String) -> String {
        "« \(text) » n'est pas une adresse web complète commençant par http:// ou https://"
    }
}

extension KeyedDecodingContainer {
    /// A web address of a content file, refused (with its line, through `ContentFile`) unless `http`/`https`.
    public func decodeWebAddress(forKey key: Key) throws -> String {
        let text = try decode(String.self, forKey: key)
        guard WebAddress.isAcceptable(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: WebAddress.problem(text))
        }
        return text
    }

    public func decodeWebAddressIfPresent(forKey key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeWebAddress(forKey: key)
    }
}
