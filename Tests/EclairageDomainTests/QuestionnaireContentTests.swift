import Foundation
import Testing

@testable import EclairageDomain

let contentDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Content")

@Suite("The shipped questionnaire and sheets")
struct QuestionnaireContentTests {
    @Test("Loads: ten themes, at least 40 situational questions, every option scored, steps reachable")
    func shipped() throws {
        let questionnaire = try QuestionnaireLoader.load(from: contentDirectory)
        #expect(questionnaire.themes.count == 10)
        let questions = questionnaire.themes.flatMap(\.questions)
        #expect(questions.count >= 40)
        #expect(
            questions.allSatisfy { q in
                q.options.allSatisfy { q.countedScore($0).map { (0...100).contains($0) } ?? true }
            })
        #expect(questions.allSatisfy { q in q.choiceOfValues || q.options.contains { $0.score == 100 } })
        #expect(questionnaire.pages.count == 12)
        #expect(questionnaire.steps.filter { $0.kind == .risk }.count >= 10)
        let sheets = try AwarenessSheet.loadAll(from: contentDirectory, themeIDs: Set(questionnaire.themes.map(\.id)))
        #expect(sheets.count >= 15)
        let slugs = Set(sheets.map(\.slug))
        for step in questionnaire.steps {
            if let sheet = step.sheet { #expect(slugs.contains(sheet), "step \(step.id) → \(sheet)") }
        }
    }

    @Test(
        "A typical association (ten usages) finishes in twenty minutes at most: words at 200 a minute plus 3 s per answer, from the content"
    )
    func duration() throws {
        let questionnaire = try QuestionnaireLoader.load(from: contentDirectory)
        let typical = DiagnosticDuration.estimate(questionnaire)
        #expect(typical.minutes <= 20, "\(typical.words) words, \(typical.answers) answers: \(typical.minutes) min")
        #expect(typical.announced <= 20)
        // what every question and option on the pages comes to, worked out independently here
        let profile = questionnaire.context.filter { !$0.isToolQuestion }
        let themeQuestions = questionnaire.themes.flatMap(\.questions)
        let unfolded = themeQuestions.filter(\.usages.isEmpty)
        #expect(typical.answers <= profile.count + DiagnosticDuration.typicalUsages + themeQuestions.count)
        #expect(typical.answers >= profile.count + DiagnosticDuration.typicalUsages + unfolded.count)
        // checking every usage costs more; none costs less
        #expect(DiagnosticDuration.estimate(questionnaire, usages: 18).minutes > typical.minutes)
        #expect(DiagnosticDuration.estimate(questionnaire, usages: 0).minutes < typical.minutes)
        #expect(DiagnosticDuration.words("L'association a 2 vélos, « bien » !") == 6)
        #expect(DiagnosticDuration.Estimate(words: 2000, answers: 40).minutes == 12)
    }

    /// Personas of our own, answered end to end.
    @Test("Personas: the volunteer club that keeps everything in one head gets risks first")
    func personas() throws {
        let questionnaire = try QuestionnaireLoader.load(from: contentDirectory)
        func answering(_ pick: (Question) -> Option) -> Answers {
            Answers(
                Dictionary(
                    uniqueKeysWithValues: questionnaire.themes.flatMap(\.questions).map { ($0.id, [pick($0).id]) }))
        }
        let best = Report.make(answers: answering { q in q.bestOption }, questionnaire: questionnaire)
        #expect(best.overall == 100)
        #expect(best.level == .a)
        let worst = Report.make(answers: answering { q in q.worstOption }, questionnaire: questionnaire)
        #expect(worst.level == .e)
        #expect((3...5).contains(worst.nextSteps.count))
        #expect(worst.nextSteps.first?.kind == .risk)
        #expect(worst.nextSteps.contains { $0.kind != .risk })  // room for a quick win
        let unsure = Report.make(
            answers: answering { q in q.options.first { $0.dontKnow } ?? q.options[q.options.count / 2] },
            questionnaire: questionnaire)
        #expect(unsure.themes.allSatisfy { $0.score != nil })
        // the same answers always give the same report
        let again = Report.make(answers: answering { q in q.worstOption }, questionnaire: questionnaire)
        #expect(again == worst)
    }

    @Test("A bad score in a theme file names the file, the line and the field")
    func badScore() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID())")
        try FileManager.default.copyItem(at: contentDirectory, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("questionnaire/themes/03-mots-de-passe.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "score: 100\n", with: "score: 150\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try QuestionnaireLoader.load(from: copy)
            Issue.record("expected an error")
        } catch let error as ContentError {
            #expect(error.file == "03-mots-de-passe.yaml")
            #expect(error.field == "questions[0].options[0].score")
            #expect(error.line != nil)
            #expect(error.message.contains("entre 0 et 100"))
        }
    }

    @Test("A theme missing from the list, and a missing field, are reported")
    func missingPieces() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID())")
        try FileManager.default.copyItem(at: contentDirectory, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("questionnaire/themes/04-fichiers.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title:", with: "titre:").write(to: file, atomically: true, encoding: .utf8)
        // The misspelt key is named on its line, rather than the absence of the key it stands for.
        #expect(
            throws: ContentError(
                file: "04-fichiers.yaml", line: 2, field: "titre",
                message: "champ inconnu « titre » : voulez-vous dire « title » ?")
        ) {
            _ = try QuestionnaireLoader.load(from: copy)
        }
    }
}
