import Foundation
import Testing

@testable import EclairageDomain

/// A small questionnaire written here, so the expected figures can be worked out by hand.
func sampleQuestionnaire() -> Questionnaire {
    let findings = [
        "good:x": "Deux personnes ont les accès.", "risk:single-holder": "Une seule personne a les accès.",
        "unknown:a1": "Vous ne savez pas qui a les accès.",
        "good:2fa": "La double authentification est active.",
        "quick:two-factor": "La double authentification n'est pas active.",
    ]
    let access = Theme(
        id: "acces", title: "Accès", intro: "", findings: findings,
        questions: [
            Question(
                id: "a1", text: "?", help: nil,
                options: [
                    Option(id: "bien", label: "", score: 100, tags: ["good:x"]),
                    Option(id: "seul", label: "", score: 10, tags: ["risk:single-holder"]),
                    Option(id: "nsp", label: "", score: 30, dontKnow: true, tags: ["unknown:a1"]),
                ]),
            Question(
                id: "a2", text: "?", help: nil,
                options: [
                    Option(id: "oui", label: "", score: 80, tags: ["good:2fa"]),
                    Option(id: "non", label: "", score: 20, tags: ["quick:two-factor"]),
                ]),
        ])
    let files = Theme(
        id: "fichiers", title: "Fichiers", intro: "",
        findings: [
            "good:backup": "Une copie est faite.", "risk:no-backup": "Il n'existe pas de copie.",
            "none:files": "L'association n'a pas de fichiers.",
            "good:free-software": "Le logiciel libre compte beaucoup.",
            "risk:values-low": "Le logiciel libre compte peu.",
        ],
        questions: [
            Question(
                id: "f1", text: "?", help: nil,
                options: [
                    Option(id: "sauve", label: "", score: 90, tags: ["good:backup"]),
                    Option(id: "rien", label: "", score: 0, tags: ["risk:no-backup"]),
                    Option(
                        id: "aucun-fichier", label: "", score: nil, notApplicable: true,
                        tags: ["none:files", "need:file-sharing"]),
                ]),
            Question(
                id: "f2", text: "?", help: nil, choiceOfValues: true,
                options: [
                    Option(id: "libre", label: "", score: nil, tags: ["good:free-software"]),
                    Option(id: "peu", label: "", score: nil, tags: ["risk:values-low"]),
                ]),
        ])
    let steps = [
        NextStep(
            id: "deux-personnes", when: ["risk:single-holder"], kind: .risk, priority: 1, theme: "acces",
            title: "Deux personnes", text: "", sheet: nil, need: nil),
        NextStep(
            id: "sauvegarder", when: ["risk:no-backup"], kind: .risk, priority: 1, theme: "fichiers",
            title: "Sauvegarder", text: "", sheet: nil, need: nil),
        NextStep(
            id: "double-facteur", when: ["quick:two-factor"], kind: .quickWin, priority: 2, theme: "acces",
            title: "2FA", text: "", sheet: nil, need: nil),
    ]
    return Questionnaire(version: "test", title: "", intro: "", context: [], themes: [access, files], steps: steps)
}

@Suite("Scoring and report: known answers give a known report")
struct ScoringTests {
    @Test("Worked example: theme means, overall mean of themes, level, steps risks first")
    func workedExample() {
        let questionnaire = sampleQuestionnaire()
        // Accès: (10 + 20) / 2 = 15 ; Fichiers: 0 ; overall (15 + 0) / 2 = 7.5 → 8 → E
        let answers = Answers(["a1": ["seul"], "a2": ["non"], "f1": ["rien"]])
        let report = Report.make(answers: answers, questionnaire: questionnaire)
        #expect(report.themes.map(\.score) == [15, 0])
        #expect(report.overall == 8)
        #expect(report.level == .e)
        #expect(report.strengths.isEmpty)
        #expect(report.attention.map(\.themeID) == ["fichiers", "acces"])
        // both risks (priority 1; weakest theme first would only break ties), then the quick win
        #expect(report.nextSteps.map(\.id) == ["deux-personnes", "sauvegarder", "double-facteur"])
    }

    @Test("Best answers: 90 overall, level A, strengths, no step")
    func best() {
        let report = Report.make(
            answers: Answers(["a1": ["bien"], "a2": ["oui"], "f1": ["sauve"]]), questionnaire: sampleQuestionnaire())
        #expect(report.themes.map(\.score) == [90, 90])
        #expect(report.level == .a)
        // "fichiers" rests on one counted answer: not a strength yet
        #expect(report.strengths.map(\.themeID) == ["acces"])
        #expect(report.nextSteps.isEmpty)
    }

    @Test(
        "A partial diagnostic does not overclaim: half a theme gives its score, 70 % of themes the level; 'je ne sais pas' is counted and scored"
    )
    func partial() {
        let report = Report.make(answers: Answers(["a1": ["nsp"]]), questionnaire: sampleQuestionnaire())
        #expect(report.themes[0].score == 30)  // one question of two: settled
        #expect(report.themes[0].dontKnow == 1)
        #expect(report.themes[1].score == nil)  // nothing answered
        #expect(report.overall == nil)  // one theme of two settled: under 70 %
        #expect(report.level == nil)
        #expect(report.strengths.isEmpty)
        let settled = Report.make(
            answers: Answers(["a1": ["nsp"], "f1": ["sauve"]]), questionnaire: sampleQuestionnaire())
        #expect(settled.overall == 60)  // (30 + 90) / 2
        #expect(settled.level == .c)
    }

    @Test("Under half a theme's questions, its score is not known, however good the answers")
    func unsettledTheme() {
        let questionnaire = Questionnaire(
            version: "t", title: "", intro: "", context: [],
            themes: [
                Theme(
                    id: "t", title: "T", intro: "", findings: [:],
                    questions: (1...5).map { n in
                        Question(
                            id: "q\(n)", text: "?", help: nil,
                            options: [Option(id: "bien", label: "", score: 100, tags: [])])
                    })
            ], steps: [])
        let two = Report.make(answers: Answers(["q1": ["bien"], "q2": ["bien"]]), questionnaire: questionnaire)
        #expect(two.themes[0].score == nil && two.themes[0].replied == 2 && two.overall == nil)
        let three = Report.make(
            answers: Answers(["q1": ["bien"], "q2": ["bien"], "q3": ["bien"]]), questionnaire: questionnaire)
        #expect(three.themes[0].score == 100 && three.level == .a)
    }

    @Test("A 'does not apply' answer is recorded but left out of the theme's mean")
    func notApplicable() {
        let report = Report.make(
            answers: Answers(["a1": ["bien"], "a2": ["non"], "f1": ["aucun-fichier"]]),
            questionnaire: sampleQuestionnaire())
        #expect(report.themes.map(\.score) == [60, nil])
        #expect(report.overall == 60)
        #expect(report.tags.contains("need:file-sharing"))
    }

    @Test("A choice of values is shown and feeds the advice, but never moves a score")
    func choiceOfValues() {
        let questionnaire = sampleQuestionnaire()
        let caring = Report.make(
            answers: Answers(["a1": ["bien"], "a2": ["oui"], "f1": ["rien"], "f2": ["libre"]]),
            questionnaire: questionnaire)
        let indifferent = Report.make(
            answers: Answers(["a1": ["bien"], "a2": ["oui"], "f1": ["rien"], "f2": ["peu"]]),
            questionnaire: questionnaire)
        #expect(caring.themes.map(\.score) == [90, 0])
        #expect(indifferent.themes.map(\.score) == caring.themes.map(\.score))
        #expect(indifferent.level == caring.level)
        #expect(indifferent.tags.contains("risk:values-low"))
    }

    @Test("A theme's summary says what was answered, sorted: in place, to strengthen, to check, not concerned")
    func findings() {
        let questionnaire = sampleQuestionnaire()
        let answers = Answers(["a1": ["nsp"], "a2": ["non"], "f1": ["aucun-fichier"]])
        let access = ThemeFindings.of(questionnaire.themes[0], answers: answers)
        #expect(
            access
                == ThemeFindings(
                    inPlace: [], toStrengthen: ["La double authentification n'est pas active."],
                    toCheck: ["Vous ne savez pas qui a les accès."], notConcerned: [], preferences: []))
        let files = ThemeFindings.of(
            questionnaire.themes[1], answers: Answers(["f1": ["aucun-fichier"], "f2": ["peu"]]))
        // a choice of values is a preference, never something "to strengthen"
        #expect(
            files
                == ThemeFindings(
                    inPlace: [], toStrengthen: [], toCheck: [], notConcerned: ["L'association n'a pas de fichiers."],
                    preferences: ["Le logiciel libre compte peu."]))
        let good = ThemeFindings.of(questionnaire.themes[0], answers: Answers(["a1": ["bien"], "a2": ["oui"]]))
        #expect(
            good.inPlace == ["Deux personnes ont les accès.", "La double authentification est active."]
                && good.toStrengthen.isEmpty)
    }

    @Test(
        "Level thresholds",
        arguments: [
            (100, Level.a), (80, .a), (79, .b), (65, .b), (64, .c), (50, .c), (49, .d), (35, .d), (34, .e), (0, .e),
        ])
    func levels(score: Int, level: Level) {
        #expect(Level.of(score: score) == level)
    }

    @Test("Comparison with the previous diagnostic, theme by theme")
    func comparison() {
        let questionnaire = sampleQuestionnaire()
        let before = Report.make(
            answers: Answers(["a1": ["seul"], "a2": ["non"], "f1": ["rien"]]), questionnaire: questionnaire)
        let after = Report.make(
            answers: Answers(["a1": ["bien"], "a2": ["non"], "f1": ["sauve"]]), questionnaire: questionnaire)
        let comparison = Comparison.between(previous: before, current: after)
        #expect(comparison.changes.map(\.delta) == [45, 90])
        #expect(comparison.overallBefore == 8)
        #expect(comparison.overallAfter == 75)
    }

    @Test("Submitted answers are checked before anything is stored")
    func answerCheck() {
        let questionnaire = sampleQuestionnaire()
        let page: Set<String> = ["a1", "a2"]
        #expect(
            AnswerCheck.check(["a1": ["bien"]], allowedQuestions: page, questionnaire: questionnaire, departements: [])
                == nil)
        #expect(
            AnswerCheck.check(["zz": ["bien"]], allowedQuestions: page, questionnaire: questionnaire, departements: [])
                == .unknownQuestion("zz"))
        #expect(
            AnswerCheck.check(["f1": ["rien"]], allowedQuestions: page, questionnaire: questionnaire, departements: [])
                == .unknownQuestion("f1"))
        #expect(
            AnswerCheck.check(["a1": ["oui"]], allowedQuestions: page, questionnaire: questionnaire, departements: [])
                == .unknownOption(question: "a1", option: "oui"))
        #expect(
            AnswerCheck.check(
                ["a1": ["bien", "seul"]], allowedQuestions: page, questionnaire: questionnaire, departements: [])
                == .severalOptions(question: "a1"))
    }

    @Test("The radar chart is an accessible SVG with escaped labels")
    func radar() {
        let svg = RadarChart(
            axes: [.init(label: "A & <B>", value: 50), .init(label: "C", value: nil), .init(label: "D", value: 100)],
            title: "Scores", description: "A : 50"
        ).svg()
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains(#"role="img""#))
        #expect(svg.contains("<title id=\"radar-titre\">Scores</title>"))
        #expect(svg.contains("A &amp; &lt;B&gt;"))
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 5)  // 4 rings + current
    }

    @Test("CSV quoting and formula neutralising")
    func csv() {
        #expect(
            CSVWriter.line(["a", "b,c", "say \"hi\"", "=1+1", "ligne\nsuivante"])
                == "a,\"b,c\",\"say \"\"hi\"\"\",'=1+1,\"ligne\nsuivante\"\r\n")
    }
}

@Suite("Search text")
struct SearchTextTests {
    @Test("Lower case, no accents, letters and digits only")
    func normalise() {
        #expect(SearchText.normalise("Comptabilité & Œuvres — « Ça » !") == "comptabilite oeuvres ca")
        #expect(SearchText.tokens("  Mot de passe  ") == ["mot", "de", "passe"])
        #expect(SearchText.tokens("\"'*() NEAR") == ["near"])
        #expect(SearchText.tokens(String(repeating: "a b ", count: 100)).count == 8)
    }
}
