/// The fields of an `application/x-www-form-urlencoded` body. A name may repeat (check boxes).
public struct FormData: Sendable {
    public private(set) var values: [String: [String]] = [:]

    public init() {}

    public init(encoded body: String) {
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
