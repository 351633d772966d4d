import Foundation

/// The interface languages: French first, English available.
public enum Language: String, Sendable, CaseIterable, Codable {
    case fr, en

    /// Picks from the `Accept-Language` header; French when nothing matches.
    static func preferred(acceptLanguage: String?) -> Language {
        guard let header = acceptLanguage?.lowercased() else { return .fr }
        let tags = header.split(separator: ",").map {
            $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        for tag in tags {
            if tag.hasPrefix("fr") { return .fr }
            if tag.hasPrefix("en") { return .en }
        }
        return .fr
    }
}
