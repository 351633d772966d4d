/// The fields of an `application/x-www-form-urlencoded` body, read once by the CSRF middleware.
/// Controllers decode it into a form type (`decodeForm`); this multi-value view stays for the
/// questionnaire, whose check boxes repeat a name.
public struct FormData: Sendable {
    public private(set) var values: [String: [String]] = [:]
    /// The body as sent.
    public private(set) var encoded = ""

    public init() {}

    public init(encoded body: String) {
        encoded = body
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            values[name, default: []].append(value)
        }
    }

    public subscript(name: String) -> String? { values[name]?.first }

    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Single-valued view, for the domain's form checkers.
    public var fields: [String: String] { values.compactMapValues(\.first) }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

import Foundation
