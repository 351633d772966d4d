import Foundation
import Testing

@testable import EclairageDomain

@Suite("Field survey: definitions, answers, protected results")
struct SurveyDomainTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Content")
    static let departements: Set<String> = ["37", "41", "45", "69"]

    static func error(_ yaml: String) -> ContentError? {
        do {
            _ = try SurveyFile.decode(yaml: yaml, fileName: "essai.yaml", departements: departements, regions: [])
            return nil
        } catch let error as ContentError {
            return error
        } catch {
            return nil
        }
    }

    static let header = """
        title: "Essai"
        introduction: ""
        territory: "departement 37"
        opens: "2027-01-04"
        closes: "2027-01-31"
        questions:
        """

    @Test("The example data file loads, in the whole instance's territory, with each kind of question")
    func exampleFile() throws {
        let codes = Set(
            try Departement.load(from: Self.content, regions: try Region.load(from: Self.content)).map(\.code))
        let files = try SurveyFile.loadAll(from: Self.content, departements: codes, regions: [])
        let example = try #require(files.first { $0.name == "besoins-numeriques-2027" })
        #expect(example.definition.area == .whole)
        #expect(Set(example.definition.questions.map(\.kind)) == Set(SurveyQuestion.Kind.allCases))
        #expect(example.definition.questions.count <= SurveyDefinition.maxQuestions)
    }

    @Test("A data file's mistakes name the file, the line and the field")
    func fileErrors() throws {
        let oneOption =
            Self.header + """

                  - id: choix
                    kind: single
                    text: "Une question"
                    options:
                      - id: seul
                        label: "Seule réponse"
                """
        let error = try #require(Self.error(oneOption))
        #expect(error.file == "essai.yaml")
        #expect(error.field == "questions[0].options")
        #expect(error.line == 11)
        let unknownKey =
            Self.header + """

                  - id: note
                    kind: scale
                    text: "Une note"
                    obligatoire: true
                """
        let typo = try #require(Self.error(unknownKey))
        #expect(typo.field == "questions[0].obligatoire")
        #expect(typo.line == 10)
        let outside =
            Self.header.replacingOccurrences(of: "departement 37", with: "departement 99") + """

                  - id: texte
                    kind: text
                    text: "Un mot ?"
                """
        #expect(Self.error(outside)?.field == "territory")
        let reversed =
            Self.header.replacingOccurrences(of: "2027-01-31", with: "2026-12-31") + """

                  - id: texte
                    kind: text
                    text: "Un mot ?"
                """
        #expect(Self.error(reversed)?.field == "closes")
    }

    static let questions = [
        SurveyQuestion(
            id: "frein", kind: .single, text: "Frein ?",
            options: [.init(id: "temps", label: "Temps"), .init(id: "budget", label: "Budget")], required: true),
        SurveyQuestion(
            id: "sujets", kind: .multiple, text: "Sujets ?",
            options: [.init(id: "rgpd", label: "RGPD"), .init(id: "libre", label: "Libre")]),
        SurveyQuestion(id: "aise", kind: .scale, text: "À l'aise ?"),
        SurveyQuestion(id: "mot", kind: .text, text: "Un mot ?"),
    ]

    @Test("Answers: a forged option, two single choices, a missing required answer or too long a text are refused")
    func answers() {
        let sent: [String: [String]] = [
            "q-frein": ["temps", "budget"], "q-sujets": ["rgpd", "inventé"], "q-aise": ["9"],
            "q-mot": [String(repeating: "a", count: 2001)],
        ]
        let (_, problems) = SurveyAnswers.read(Self.questions) { sent[$0] ?? [] }
        #expect(
            problems == ["q-frein": .oneOnly, "q-sujets": .unknownOption, "q-aise": .unknownOption, "q-mot": .tooLong])
        let (_, missing) = SurveyAnswers.read(Self.questions) { _ in [] }
        #expect(missing == ["q-frein": .required])
        let good: [String: [String]] = [
            "q-frein": ["budget"], "q-sujets": ["rgpd", "libre"], "q-aise": ["4"], "q-mot": ["  Merci  "],
        ]
        let (answers, none) = SurveyAnswers.read(Self.questions) { good[$0] ?? [] }
        #expect(none.isEmpty)
        #expect(answers.choices == ["frein": ["budget"], "sujets": ["rgpd", "libre"], "aise": ["4"]])
        #expect(answers.texts == ["mot": "Merci"])
    }

    static func responses(_ departement: String, _ count: Int, choice: String = "temps") -> [SurveyTables.Response] {
        (0..<count).map { index in
            .init(
                departement: departement,
                choices: ["frein": [choice], "sujets": ["rgpd"], "aise": ["\(index % 5 + 1)"]])
        }
    }

    @Test("Four answers in a département are hidden, and no total minus its parts gives them back")
    func kRule() {
        let responses = Self.responses("37", 4) + Self.responses("41", 7, choice: "budget") + Self.responses("45", 9)
        let map = TerritoryMap(regionOfDepartement: [:])
        let period = ObservatoryPeriod.year(2027)
        let tables = SurveyTables.build(Self.questions, area: .whole, period: period, responses: responses, map: map)
        let protected = SurveyTables.protect(tables, map: map)
        let byName = Dictionary(uniqueKeysWithValues: protected.map { ($0.name, $0) })
        #expect(byName["reponses"]?[CellKey(.departement("37"), period)]?.suppression == .tooFew)
        #expect(byName["reponses"]?[CellKey(.whole, period)]?.published == .count(20))
        #expect(byName["q:aise:moyenne"]?[CellKey(.departement("37"), period)]?.published == nil)
        #expect(byName["q:mot"] == nil, "free text is never counted")
        // Every published figure rests on 0 or at least 5 answers, and a reader holding every table finds
        // no hidden cell by subtraction (a région when there are régions, the whole instance here).
        for table in protected {
            for cell in table.cells where cell.suppression == nil {
                #expect(cell.cell.units == 0 || cell.cell.units >= 5, "\(table.name) \(cell.cell.key)")
            }
        }
        let attacker = DisclosureAttacker(
            territoryGroups: [(.whole, ["37", "41", "45"].map(Territory.departement))], periodGroups: [])
        let seen = zip(tables, protected).map { table, protected in
            DisclosureAttacker.Seen(
                name: table.name, units: Dictionary(uniqueKeysWithValues: table.cells.map { ($0.key, $0.units) }),
                shown: Set(protected.cells.filter { $0.suppression == nil }.map(\.cell.key)),
                addingCategories: table.categoriesAddUp
                    ? Array(Set(table.cells.compactMap(\.key.category))).sorted() : [],
                totalsOf: table.totalsFrom)
        }
        #expect(attacker.leaks(in: seen).isEmpty)
    }

    @Test("With régions, a survey of the whole instance counts each région and each département")
    func regions() {
        let map = TerritoryMap(regionOfDepartement: ["37": "24", "41": "24", "69": "84"])
        let responses = Self.responses("37", 6) + Self.responses("41", 6) + Self.responses("69", 3)
        #expect(
            SurveyTables.territories(of: .whole, responses: responses, map: map)
                == [.whole, .region("24"), .region("84"), .departement("37"), .departement("41"), .departement("69")])
        #expect(
            SurveyTables.territories(of: .region("24"), responses: responses, map: map)
                == [.region("24"), .departement("37"), .departement("41")])
        let period = ObservatoryPeriod.year(2027)
        let protected = SurveyTables.protect(
            SurveyTables.build(Self.questions, area: .whole, period: period, responses: responses, map: map), map: map)
        let counts = protected[0]
        #expect(counts[CellKey(.departement("69"), period)]?.suppression == .tooFew)
        // Région 84 holds only the Rhône: it is the same three answers, hidden too.
        #expect(counts[CellKey(.region("84"), period)]?.published == nil)
        #expect(
            counts[CellKey(.whole, period)]?.published == nil
                || counts[CellKey(.region("24"), period)]?.published == nil)
    }

    @Test("The network's form: empty slots skipped, a problem named by its slot's field")
    func formFields() {
        let values = [
            "question-2-text": "Frein ?", "question-2-kind": "single", "question-2-options": "Temps\n\nBudget\n",
            "question-4-text": "Note ?", "question-4-kind": "scale", "question-4-options": "inutile",
            "question-5-text": "Mot ?", "question-5-kind": "inventé",
        ]
        let (definition, slots, badKinds) = SurveyFormFields.definition(
            title: " Essai ", introduction: "", territory: "departement 37", opens: "2027-01-04", closes: "2027-01-31"
        ) { values[$0] ?? "" }
        #expect(slots == [2, 4])
        #expect(badKinds == [5])
        #expect(definition.title == "Essai")
        #expect(definition.questions[0].options?.map(\.label) == ["Temps", "Budget"])
        let problems = definition.problems(departements: Self.departements, regions: [])
        #expect(problems.map { SurveyFormFields.field(of: $0, slots: slots) } == ["question-4-options"])
        #expect(SurveyFormFields.values(definition)["question-1-options"] == "Temps\nBudget")
    }
}
