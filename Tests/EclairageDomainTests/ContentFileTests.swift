import Foundation
import Testing

@testable import EclairageDomain

@Suite("Content files: errors name the file, the line and the field")
struct ContentFileTests {
    struct Item: Decodable {
        let code: String
        let name: String
    }

    @Test("A missing field is located")
    func missingField() {
        let yaml = """
            - code: "01"
              name: Ain
            - code: "02"
            """
        do {
            _ = try ContentFile.decode([Item].self, yaml: yaml, fileName: "departements.yaml")
            Issue.record("expected an error")
        } catch let error as ContentError {
            #expect(error.file == "departements.yaml")
            #expect(error.field == "[1].name")
            #expect(error.line == 3)
            #expect(error.description.contains("departements.yaml, ligne 3"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("Broken YAML is located: file and line")
    func brokenYAML() {
        let yaml = """
            - code: "01"
              name: Ain
            - code: [02
              name: Aisne
            """
        do {
            _ = try ContentFile.decode([Item].self, yaml: yaml, fileName: "x.yaml")
            Issue.record("expected an error")
        } catch let error as ContentError {
            #expect(error.file == "x.yaml")
            #expect(error.line == 4, "\(error)")
            #expect(error.description.contains("x.yaml, ligne 4"), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("The shipped départements load: 101, unique, each in one of the 18 régions")
    func departements() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Content")
        let regions = try Region.load(from: content)
        let list = try Departement.load(from: content, regions: regions)
        #expect(list.count == 101 && regions.count == 18)
        #expect(list.contains(Departement(code: "2A", name: "Corse-du-Sud", region: "94")))
        #expect(Set(list.map(\.region)) == Set(regions.map(\.code)), "every région has départements")
    }
}

@Suite("Licences")
struct LicenceTests {
    @Test(
        "SPDX identifiers and expressions are accepted; anything else is refused",
        arguments: [
            ("MIT", true), ("GPL-2.0-only OR GPL-3.0-only", true), ("(MIT AND BSD-3-Clause)", true),
            ("Apache-2.0 WITH LLVM-exception", true),
            ("LicenseRef-Proprietary", true), ("", false), ("GPL OR", false), ("OR MIT", false), ("(MIT", false),
            ("MIT)", false),
            ("GPL v3", false), ("MIT; rm", false),
        ])
    func spdx(text: String, valid: Bool) {
        #expect(Catalogue.isSPDXExpression(text) == valid, "\(text)")
    }
}

@Suite("French typography")
struct FrenchTypographyTests {
    @Test("Non-breaking spaces before : ; ? ! and inside guillemets; URLs, tags and existing spaces untouched")
    func spaces() {
        #expect(
            FrenchTypography.apply("Pourquoi ? Parce que : voilà ; enfin !")
                == "Pourquoi\u{202F}? Parce que\u{00A0}: voilà\u{202F}; enfin\u{202F}!")
        #expect(FrenchTypography.apply("« bien »") == "«\u{00A0}bien\u{00A0}»")
        #expect(FrenchTypography.apply("https://example.org?a=1 risk:x") == "https://example.org?a=1 risk:x")
        #expect(FrenchTypography.apply("déjà\u{00A0}: ok") == "déjà\u{00A0}: ok")
        #expect(FrenchTypography.apply("") == "")
    }

    @Test("Non-breaking spaces keep a number with its unit: amounts, shares, times, n° and art.")
    func numbers() {
        let nbsp = "\u{00A0}"
        #expect(FrenchTypography.apply("Moins de 1 000 € par an") == "Moins de 1\(nbsp)000\(nbsp)€ par an")
        #expect(FrenchTypography.apply("42 % des associations") == "42\(nbsp)% des associations")
        #expect(FrenchTypography.apply("de 14 h 30 à 18 h") == "de 14\(nbsp)h\(nbsp)30 à 18\(nbsp)h")
        #expect(FrenchTypography.apply("il reste 72 h pour notifier") == "il reste 72\(nbsp)h pour notifier")
        #expect(FrenchTypography.apply("Cerfa n° 13971, art. 30") == "Cerfa n°\(nbsp)13971, art.\(nbsp)30")
        // words after a number, phone numbers and years stay as they were
        #expect(
            FrenchTypography.apply("3 heures, 06 12 34 56 78, en 2026 et 2027")
                == "3 heures, 06 12 34 56 78, en 2026 et 2027")
        #expect(FrenchTypography.apply("plus de 2 500 responsables") == "plus de 2\(nbsp)500 responsables")
    }

    @Test("The shipped content and the French interface come out with them")
    func shipped() throws {
        let questionnaire = try QuestionnaireLoader.load(from: contentDirectory)
        let texts = questionnaire.themes.flatMap { $0.questions.map(\.text) } + questionnaire.context.map(\.text)
        #expect(texts.allSatisfy { !$0.contains(" ?") && !$0.contains(" :") })
        #expect(texts.contains { $0.contains("\u{202F}?") })
    }

    @Test("A table of strings: read whole; a list or an empty key is refused with its line, a repeated key too")
    func stringTable() throws {
        let table = try ContentFile.strings(yaml: "a.b: \"Un\"\nc: Deux\n", fileName: "fr.yaml")
        #expect(table == ["a.b": "Un", "c": "Deux"])
        for (yaml, line, field) in [("a: Un\nb:\n  - x\n", 2, "b"), ("a: Un\n\"\": Deux\n", 2, "-")] {
            #expect(throws: ContentError.self, "\(yaml)") {
                do { _ = try ContentFile.strings(yaml: yaml, fileName: "fr.yaml") } catch let error as ContentError {
                    #expect(error.file == "fr.yaml" && error.line == line && error.field == field, "\(error)")
                    throw error
                }
            }
        }
        // A repeated key is refused by the YAML parser itself, which names it.
        #expect(throws: ContentError.self) {
            try ContentFile.strings(yaml: "a: Un\nb: Deux\na: Trois\n", fileName: "fr.yaml")
        }
    }
}
