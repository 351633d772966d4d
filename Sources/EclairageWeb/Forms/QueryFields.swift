import Foundation
import Hummingbird

/// A request's query string read as browsers write it: a form sent by GET encodes spaces as `+`
/// (HTML's `application/x-www-form-urlencoded`), which Hummingbird's `queryParameters` leaves as
/// `+`, so "37 000" arrived as "37+000". Every controller reads the query through this.
struct QueryFields: Sendable {
    private var pairs: [(name: String, value: String)] = []

    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of the field, as browsers send one.
    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of a repeated field (checkboxes sent by GET), in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    func get(_ name: String) -> String? { self[name] }

    /// `+` is a space; a percent-encoding that does not decode is kept as typed (a link, not a form
    /// that would lose what was saved).
    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// The query string's fields, `+` read as a space.
    var queryFields: QueryFields { QueryFields(uri.query) }
}
