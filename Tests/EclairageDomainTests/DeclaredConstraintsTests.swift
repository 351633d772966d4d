import Foundation
import Testing

@testable import EclairageDomain

/// Every constraint a data file declares is enforced, and a file cannot declare one that is ignored.
@Suite("Declared constraints: unknown keys, the national schema, web and e-mail addresses")
struct DeclaredConstraintsTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Content")

    struct Item: Decodable {
        let code: String
        let title: String?
        let tags: [String: String]?
        let parts: [Part]?
        struct Part: Decodable { let name: String }
    }

    static func refusal(_ yaml: String, file: String = "x.yaml") -> ContentError? {
        do {
            _ = try ContentFile.decode([Item].self, yaml: yaml, fileName: file)
            return nil
        } catch let error as ContentError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test("A key the type does not read is refused, naming the file, the line and the key")
    func unknownKey() throws {
        let typo = try #require(
            Self.refusal(
                """
                - code: "01"
                  title: Ain
                - code: "02"
                  titel: Aisne
                """, file: "departements.yaml"))
        #expect(typo.file == "departements.yaml" && typo.line == 4 && typo.field == "[1].titel", "\(typo)")
        #expect(
            typo.description.contains("departements.yaml, ligne 4") && typo.description.contains("« titel »"), "\(typo)"
        )
        // Deeper down, and a typo of a required key is named rather than the absence.
        let nested = try #require(
            Self.refusal(
                """
                - code: "01"
                  parts:
                    - name: a
                    - name: b
                      nmae: c
                """))
        #expect(nested.line == 5 && nested.field == "[0].parts[1].nmae", "\(nested)")
        let required = try #require(
            Self.refusal(
                """
                - cdoe: "01"
                """))
        #expect(
            required.line == 1 && required.field == "[0].cdoe" && required.message.contains("« code »"), "\(required)")
        // Dictionaries take any key; known keys are accepted.
        #expect(
            Self.refusal(
                """
                - code: "01"
                  tags: {a: b, c: d}
                  parts: [{name: x}]
                """) == nil)
    }

    @Test("Every shipped content file still loads")
    func shippedContentLoads() throws {
        let questionnaire = try QuestionnaireLoader.load(from: Self.content)
        _ = try Catalogue.load(from: Self.content)
        _ = try AwarenessSheet.loadAll(from: Self.content, themeIDs: Set(questionnaire.themes.map(\.id)))
        _ = try RegisterTemplate.loadAll(from: Self.content)
        _ = try Departement.load(from: Self.content, regions: Region.load(from: Self.content))
        _ = try DirectorySchema.load(from: Self.content)
    }

    @Test("A sheet's front matter with an unknown key is refused on its line of the file")
    func sheetUnknownKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sheets"), withIntermediateDirectories: true)
        let original = try String(
            contentsOf: Self.content.appendingPathComponent("sheets/sauvegardes.md"), encoding: .utf8)
        try original.replacingOccurrences(of: "---\n", with: "---\ntitel: x\n", options: .anchored)
            .write(to: folder.appendingPathComponent("sheets/sauvegardes.md"), atomically: true, encoding: .utf8)
        let questionnaire = try QuestionnaireLoader.load(from: Self.content)
        #expect {
            try AwarenessSheet.loadAll(from: folder, themeIDs: Set(questionnaire.themes.map(\.id)))
        } throws: { error in
            let error = error as? ContentError
            return error?.file == "sauvegardes.md" && error?.line == 2 && error?.field == "titel"
        }
    }

    static var schemaText: String {
        get throws {
            try String(
                contentsOf: content.appendingPathComponent("directory/schema-lieux-mediation.yaml"), encoding: .utf8)
        }
    }

    @Test("The schema file cannot declare a constraint the checker ignores")
    func schemaRefusesUnknownConstraints() throws {
        let text = try Self.schemaText
        let cases: [(String, String)] = [
            (
                "    required: true\n    type: string\n    multiple: false\n    unique: true\n",
                "    required: true\n    type: string\n    multiple: false\n    unique: true\n    min_length: 3\n"
            ),
            ("type: number", "type: integer"),
            ("format: uri", "format: hostname"),
            ("    minimum: -90", "    minimum: -90\n    exclusiveMinimum: -90"),
            ("version: \"1.0.2\"", "version: \"1.0.2\"\nprimaryKey: id"),
            ("    max_length: 150  # house\n", ""),
        ]
        for (from, to) in cases {
            #expect(text.contains(from), "\(from)")
            #expect(throws: ContentError.self, "\(to)") {
                try DirectorySchema.parse(text.replacingOccurrences(of: from, with: to))
            }
        }
    }

    /// One bad value per constraint the schema declares, generated from the schema itself, with the column it breaks.
    static func violations(_ schema: DirectorySchema) -> [(column: String, value: String, kind: String)] {
        schema.columns.flatMap { column in column.counterexamples.map { (column.name, $0.value, $0.kind) } }
    }

    static let validRow: [String: String] = [
        "id": "x", "pivot": "W372009999", "nom": "Lieu", "commune": "Tours", "code_postal": "37000", "adresse": "1 rue",
        "date_maj": "2026-01-02",
        "latitude": "47.39", "longitude": "0.68", "site_web": "https://example.org", "courriels": "a@example.org",
    ]

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    @Test("A file with one violation of each declared constraint: each row refused at its line, in its column")
    func everyDeclaredConstraintHolds() throws {
        let schema = try DirectorySchema.load(from: Self.content)
        let violations = Self.violations(schema)
        #expect(
            Set(violations.map(\.kind)) == [
                "required", "pattern", "values", "max_length", "type", "minimum", "maximum", "format",
            ])
        var lines = [Place.schemaColumns.joined(separator: ",")]
        var expected: [Int: String] = [:]
        for (index, violation) in violations.enumerated() {
            var row = Self.validRow
            row["id"] = "row-\(index)"
            row[violation.column] = violation.value
            if violation.column == "id", violation.kind != "required" { row["id"] = violation.value }
            lines.append(Place.schemaColumns.map { Self.csvField(row[$0] ?? "") }.joined(separator: ","))
            expected[lines.count] = violation.column
        }
        // `unique`: a row repeating an id seen above.
        let uniqueColumns = schema.columns.filter(\.unique).map(\.name)
        #expect(uniqueColumns == ["id"])
        var first = Self.validRow
        first["id"] = "twin"
        lines.append(Place.schemaColumns.map { Self.csvField(first[$0] ?? "") }.joined(separator: ","))
        let firstLine = lines.count
        lines.append(lines[lines.count - 1])
        expected[lines.count] = "id"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("violations-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let communes = try CommuneIndex.load(from: Self.content)
        let records = try CSVReader(url: url).records()
        let checker = try PlaceRowChecker(schema: schema, header: try #require(try records.next()).fields) {
            communes.postcode($1, belongsTo: $0)
        }
        var unique = PlaceRowChecker.UniqueValues(schema: schema)
        var refused: [Int: [String]] = [:]
        while let record = try records.next() {
            var outcome = checker.check(record.fields)
            if let place = outcome.place { outcome.problems += unique.check(place, line: record.line) }
            if !outcome.problems.isEmpty { refused[record.line] = outcome.problems.map(\.column) }
            if record.line == firstLine { #expect(outcome.problems.isEmpty, "\(outcome.problems)") }
        }
        for (line, column) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(
                refused[line]?.contains(column) == true, "line \(line): \(column) not refused (\(refused[line] ?? []))")
        }
        #expect(refused.count == expected.count, "\(refused.keys.sorted()) vs \(expected.keys.sorted())")
    }

    @Test(
        "Web addresses are http or https only",
        arguments: [
            ("https://example.org", true), ("http://example.org/a?b=c#d", true), ("HTTPS://EXAMPLE.ORG", true),
            ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false), (" javascript:alert(1)", false),
            ("  https://example.org", false),
            ("data:text/html;base64,PHNjcmlwdD4=", false), ("//example.org", false), ("ftp://example.org", false),
            ("https://", false),
            ("https:example.org", false), ("java\nscript:alert(1)", false), ("https://exa mple.org", false),
            ("https://user:pw@example.org", false),
            ("example.org", false), ("", false),
        ])
    func webAddresses(text: String, accepted: Bool) {
        #expect(WebAddress.isAcceptable(text) == accepted, "\(text)")
    }

    @Test("A catalogue tool whose site is not http or https is refused with its line")
    func toolWebsite() throws {
        let yaml = try String(
            contentsOf: Self.content.appendingPathComponent(
                "catalogue/tools/"
                    + (try FileManager.default.contentsOfDirectory(
                        atPath: Self.content.appendingPathComponent("catalogue/tools").path
                    ).filter { $0.hasSuffix(".yaml") }.sorted().first ?? "")), encoding: .utf8)
        let website = try #require(yaml.firstMatch(of: /website: *"?(https?:[^"\n]+)"?/))
        let broken = yaml.replacingCharacters(
            in: website.1.startIndex..<website.1.endIndex, with: "javascript:alert(1)")
        #expect {
            try ContentFile.decode([Tool].self, yaml: broken, fileName: "tools.yaml")
        } throws: { error in
            let error = error as? ContentError
            return error?.field.hasSuffix("website") == true && error?.line != nil
                && error?.message.contains("http") == true
        }
    }

    @Test(
        "An e-mail address with a header's separators, quotes, spaces or control characters is refused",
        arguments: [
            ("marc@example.org", true), ("marc.dupont+asso@example.org", true),
            ("root,attacker@example.org", false), ("a;b@example.org", false), ("a(b)@example.org", false),
            ("\"a\"@example.org", false),
            ("a@[127.0.0.1]", false), ("a<b>@example.org", false), ("a b@example.org", false),
            ("a\r\nbcc:x@example.org", false),
            ("a\u{0}@example.org", false), ("a\t@example.org", false), ("a\u{2028}@example.org", false),
        ])
    func emailAddresses(text: String, accepted: Bool) {
        #expect(EmailAddress.isPlausible(text) == accepted, "\(text.debugDescription)")
    }
}
