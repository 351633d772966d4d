import Foundation
import Testing

@testable import EclairageDomain

/// `Content/VOCABULARY.md` says what the content says, and the content keeps its house spellings.
@Suite("Content/VOCABULARY.md in step with the content")
struct VocabularyTests {
    /// The `- id: name` (or `- id`) lines of one `## Section` of the vocabulary file.
    static func section(_ title: String) throws -> [(id: String, name: String?)] {
        let text = try String(contentsOf: contentDirectory.appendingPathComponent("VOCABULARY.md"), encoding: .utf8)
        guard let start = text.range(of: "\n## \(title)\n") else { return [] }
        let rest = text[start.upperBound...]
        let body = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        return body.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { line in
            let entry = line.dropFirst(2)
            guard let colon = entry.range(of: ": ") else { return (String(entry), nil) }
            return (String(entry[..<colon.lowerBound]), String(entry[colon.upperBound...]))
        }
    }

    @Test("Needs, themes and sheets: the same ids and names, in the same order, as the content")
    func lists() throws {
        let catalogue = try Catalogue.load(from: contentDirectory)
        let questionnaire = try QuestionnaireLoader.load(from: contentDirectory)
        let sheets = try AwarenessSheet.loadAll(from: contentDirectory, themeIDs: Set(questionnaire.themes.map(\.id)))
        let plain = { (text: String) in
            text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        }
        #expect(
            try Self.section("Besoins").map { "\($0.id): \($0.name ?? "")" }
                == catalogue.needs.map { "\($0.id): \(plain($0.name))" })
        #expect(
            try Self.section("Thèmes").map { "\($0.id): \($0.name ?? "")" }
                == questionnaire.themes.map { "\($0.id): \(plain($0.title))" })
        #expect(try Self.section("Fiches").map(\.id) == sheets.map(\.slug).sorted())
    }

    @Test("House spellings: one form of each inclusive word across the content")
    func spellings() throws {
        let folder = contentDirectory
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".md")) && $0 != "VOCABULARY.md" }
        #expect(files.count > 30)
        let forbidden = [#"\p{L}·e·s\b"#, #"\p{L}\((?:e|es|ne|ère)\)s?\b"#, #"\p{L}\.e\.s\b"#, #"\p{L}·rices?\b"#]
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for pattern in forbidden {
                if let found = text.range(of: pattern, options: .regularExpression) {
                    Issue.record("\(file): « \(text[found]) » is not a house spelling (see VOCABULARY.md, Graphies)")
                }
            }
        }
    }
}
