import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, read once by the CSRF middleware.
/// Controllers decode it into a form type (`decodeForm`); this multi-value view stays for the
/// questionnaire, whose check boxes repeat a name.
public struct FormData: Sendable {
    public private(set) var values: [String: [String]] = [:]
    /// The body as sent.
    public private(set) var encoded = ""

    public init() {}

    /// Reads a body; nil when it is not what it claims: bytes that are not UTF-8, or a name or value
    /// whose percent-encoding does not decode (`%ZZ`, `%FF`). Such a body is refused whole (400), so a
    /// garbled field never reads as an empty one and erases what was saved.
    public init?(bytes: some Collection<UInt8>) {
        guard let body = String(validating: bytes, as: UTF8.self) else { return nil }
        encoded = body
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = parts.count > 1 ? Self.decode(parts[1]) : "" else {
                return nil
            }
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
