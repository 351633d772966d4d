import Foundation
import Testing

@testable import EclairageDomain

@Suite("Observatory record: what is kept of a completed diagnostic")
struct ObservatoryRecordDomainTests {
    let questionnaire: Questionnaire

    init() throws { questionnaire = try QuestionnaireLoader.load(from: contentDirectory) }

    /// A profile, two tools (one free), a free text nowhere, and every theme at its worst.
    func answers(worst: Bool = true) -> Answers {
        var choices: [String: [String]] = [
            "taille": ["10-a-49"], "departement": ["37"], "usages": ["group-chat", "file-sharing"],
            "outils-group-chat": ["whatsapp", "autre"], "outils-file-sharing": ["nextcloud"],
            "difficultes": ["humaines", "techniques"], "valeurs": ["essentiel"],
        ]
        for theme in questionnaire.themes {
            for question in theme.questions {
                choices[question.id] = [worst ? question.worstOption.id : question.bestOption.id]
            }
        }
        return Answers(choices)
    }

    func makeRecord(_ answers: Answers, at time: Int64 = 1_793_000_000) -> ObservatoryRecord? {
        ObservatoryRecord.of(
            answers, snapshot: ScoreSnapshot.of(answers, questionnaire: questionnaire), questionnaire: questionnaire,
            completedAt: time, isFreeSoftware: { $0 == "nextcloud" })
    }

    @Test("Scores, level, département, size band and only the indicators' tags")
    func figures() throws {
        let record = try #require(makeRecord(answers()))
        #expect(record.departement == "37")
        #expect(record.sizeBand == "small")
        #expect(record.level == .e)
        #expect(record.questionnaireVersion == questionnaire.version)
        #expect(record.scores.count == questionnaire.themes.count)
        #expect(record.tags.contains("uses-for:group-chat:whatsapp"))
        #expect(record.tags.contains("uses-for:group-chat:other"))
        #expect(record.tags.contains("uses-for:file-sharing:nextcloud"))
        #expect(record.tags.contains("free-software:yes"))
        #expect(record.tags.contains("difficulty:human"))
        #expect(record.tags.contains("difficulty:technical"))
        #expect(!record.tags.contains("difficulty:financial"))
        for (theme, score) in record.scores {
            #expect(record.tags.contains("attention:\(theme)") == (score < 40), "\(theme) at \(score)")
        }
        #expect(record.tags.contains("attention:materiel"))
        // nothing else: no values, budget, sector, risk or finding tag
        let kept = ["uses-for:", "free-software:", "attention:", "difficulty:"]
        #expect(record.tags.allSatisfy { tag in kept.contains { tag.hasPrefix($0) } })
        #expect(record.tags == record.tags.sorted())
    }

    @Test("No free software named: no; no tool named: nothing said; good scores: no point of attention")
    func freeSoftwareAndAttention() throws {
        var choices = answers(worst: false).choices
        choices["outils-file-sharing"] = ["google-drive"]
        choices["outils-group-chat"] = ["whatsapp"]
        let proprietary = try #require(makeRecord(Answers(choices)))
        #expect(proprietary.tags.contains("free-software:no"))
        #expect(!proprietary.tags.contains { $0.hasPrefix("attention:") })
        #expect(proprietary.level == .a)
        choices["usages"] = ["aucun"]
        let none = try #require(makeRecord(Answers(choices)))
        #expect(!none.tags.contains { $0.hasPrefix("free-software:") || $0.hasPrefix("uses-for:") })
    }

    @Test("No record while the overall level is not known")
    func notCompleted() {
        #expect(makeRecord(Answers(["taille": ["moins-de-10"], "departement": ["37"]])) == nil)
    }

    @Test("The month is the one in Paris: 31 December 23:30 UTC is already January")
    func parisMonth() throws {
        // 2026-12-31T23:30:00Z is 2027-01-01 00:30 in Paris
        #expect(try #require(makeRecord(answers(), at: 1_798_759_800)).month == "2027-01")
        #expect(try #require(makeRecord(answers(), at: 1_798_759_800 - 3600)).month == "2026-12")
        #expect(ObservatoryRecord.oldestKeptMonth(now: 1_798_759_800) == "2017-01")
    }
}
