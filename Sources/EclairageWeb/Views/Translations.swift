import EclairageDomain
import Foundation

/// Interface strings, one flat YAML file per language under Resources/Locales.
/// Both files must hold the same keys: checked at start-up.
public struct Translations: Sendable {
    let strings: [Language: [String: String]]
    /// The same tables for an advisor reading an association's pages: a key `x@advisor` replaces `x`
    /// ("Votre bilan" becomes "Le bilan de l'association"). Merged once, at start.
    let advisorStrings: [Language: [String: String]]

    /// Who reads a page: its own people, or an advisor who follows the association.
    public enum Audience: Sendable, Equatable { case member, advisor }

    static let advisorSuffix = "@advisor"

    init(strings: [Language: [String: String]]) {
        self.strings = strings
        advisorStrings = strings.mapValues { table in
            var merged = table
            for (key, value) in table where key.hasSuffix(Self.advisorSuffix) {
                merged[String(key.dropLast(Self.advisorSuffix.count))] = value
            }
            return merged
        }
    }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    static func load(from directory: URL) throws -> Translations {
        var strings: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let file = directory.appendingPathComponent("\(language.rawValue).yaml")
            let raw = try String(contentsOf: file, encoding: .utf8)
            let text = language == .fr ? FrenchTypography.apply(raw) : raw
            strings[language] = try ContentFile.strings(yaml: text, fileName: file.lastPathComponent)
        }
        let french = Set(strings[.fr, default: [:]].keys)
        for language in Language.allCases where language != .fr {
            let keys = Set(strings[language, default: [:]].keys)
            let missing = french.subtracting(keys).sorted()
            let extra = keys.subtracting(french).sorted()
            if !missing.isEmpty || !extra.isEmpty {
                throw Problem(
                    description: "\(language.rawValue).yaml : clés manquantes \(missing), clés en trop \(extra)")
            }
        }
        return Translations(strings: strings)
    }

    /// The table of strings a template reads as `{{t.key}}`.
    func table(_ language: Language, for audience: Audience = .member) -> [String: String] {
        (audience == .advisor ? advisorStrings : strings)[language] ?? [:]
    }

    /// One string, with `%{name}` placeholders filled in. An unknown key shows itself, so a gap is visible.
    func text(
        _ key: String, _ language: Language, _ values: [String: String] = [:], for audience: Audience = .member
    ) -> String {
        let tables = audience == .advisor ? advisorStrings : strings
        let text = tables[language]?[key] ?? tables[.fr]?[key] ?? key
        return TextValues.fill(text, values)
    }
}
