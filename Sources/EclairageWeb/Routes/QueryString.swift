import Foundation

/// A query string from name/value pairs, in order; empty or missing values are left out.
/// Values are percent-encoded but for letters and digits (what the catalogue's, the directory's and the
/// calendar's links carry).
enum QueryString {
    static func make(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
