import Foundation

/// Text for full-text search, the same on both sides: lower case, accents removed, only letters and
/// digits (so "Comptabilité" and "compta" meet, and no query can carry search-engine syntax).
public enum SearchText {
    public static func normalise(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for character in text.lowercased() {
            if let plain = plainLetters[character] {
                result += plain
                lastWasSpace = false
            } else if character.isLetter || character.isNumber {
                result.append(character)
                lastWasSpace = false
            } else if !lastWasSpace {
                result.append(" ")
                lastWasSpace = true
            }
        }
        return lastWasSpace && !result.isEmpty ? String(result.dropLast()) : result
    }

    /// Accented letters met in French (and a few neighbours) and their plain spelling; a table rather
    /// than Foundation's locale-aware folding, which is slow and loads the ICU data.
    static let plainLetters: [Character: String] = {
        let pairs: [(String, String)] = [
            ("àáâãäå", "a"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ñ", "n"), ("òóôõö", "o"),
            ("ùúûü", "u"), ("ýÿ", "y"), ("œ", "oe"), ("æ", "ae"), ("ß", "ss"),
        ]
        var table: [Character: String] = [:]
        for (accented, plain) in pairs { for character in accented { table[character] = plain } }
        return table
    }()

    /// At most 8 words of at most 40 letters each, from whatever was typed.
    public static func tokens(_ query: String) -> [String] {
        Array(normalise(String(query.prefix(500))).split(separator: " ").map { String($0.prefix(40)) }.prefix(8))
    }

    /// What a tool is found by: its name, slug, description, needs, and the names of its equivalents.
    public static func document(for tool: Tool, in catalogue: Catalogue) -> String {
        let needs = tool.needs.compactMap { catalogue.need($0)?.name }
        let equivalents = tool.equivalents.compactMap { catalogue.tool($0)?.name }
        return normalise(
            ([tool.name, tool.slug.replacingOccurrences(of: "-", with: " "), tool.description] + needs + equivalents)
                .joined(separator: " "))
    }
}
