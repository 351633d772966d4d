import Foundation

/// Text for full-text search, the same on both sides: lower case, accents removed, only letters and
/// digits (so "Comptabilité" and "compta" meet, and no query can carry search-engine syntax).
public enum SearchText {
    public static func normalise(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        return String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    /// At most 8 words of at most 40 letters each, from whatever was typed.
    public static func tokens(_ query: String) -> [String] {
        Array(normalise(String(query.prefix(500))).split(separator: " ").map { String($0.prefix(40)) }.prefix(8))
    }

    /// What a tool is found by: its name, slug, description, needs, and the names of its equivalents.
    public static func document(for tool: Tool, in catalogue: Catalogue) -> String {
        let needs = tool.needs.compactMap { catalogue.need($0)?.name }
        let equivalents = tool.equivalents.compactMap { catalogue.tool($0)?.name }
        return normalise(([tool.name, tool.slug.replacingOccurrences(of: "-", with: " "), tool.description] + needs + equivalents).joined(separator: " "))
    }
}
