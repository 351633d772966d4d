import Foundation
import Testing

@testable import EclairageDomain

/// Issue 23, items 2, 3 and 12: a score notes a practice, never a value; a theme rests on at least
/// three scored practices; the time announced is the time one's own path takes.
@Suite("Scored practices, themes that rest on enough practice, the time of one's path")
struct PracticeScoringTests {
    let questionnaire: Questionnaire

    init() throws { questionnaire = try QuestionnaireLoader.load(from: contentDirectory) }

    /// The shipped content read directly, without the loader's checks: every scored option names its
    /// practice, and two options that score differently name different practices and differ by more
    /// than who or what (values:, uses:, host:, platform: tags).
    @Test("Every scored option names its practice; different scores, different practices")
    func practices() {
        let information = ["values:", "uses:", "host:", "platform:"]
        for question in questionnaire.themes.flatMap(\.questions) where !question.choiceOfValues {
            let scored = question.options.filter { question.countedScore($0) != nil && !$0.dontKnow }
            for option in scored {
                #expect(!(option.practice ?? "").isEmpty, "\(question.id).\(option.id) sans practice")
            }
            for (i, a) in scored.enumerated() {
                for b in scored.dropFirst(i + 1) where a.score != b.score {
                    #expect(
                        a.practice?.lowercased() != b.practice?.lowercased(),
                        "\(question.id): \(a.id) et \(b.id) nomment la même pratique avec des scores différents")
                    let tags = { (o: Option) in Set(o.tags.filter { t in !information.contains { t.hasPrefix($0) } }) }
                    #expect(tags(a) != tags(b), "\(question.id): \(a.id) et \(b.id) ne diffèrent que par des valeurs")
                }
            }
        }
        // choices of values and "does not apply" name no practice
        for question in questionnaire.themes.flatMap(\.questions) {
            for option in question.options where question.countedScore(option) == nil {
                #expect(option.practice == nil, "\(question.id).\(option.id)")
            }
        }
    }

    @Test("The mail host is an information, not a score: who hosts the box changes no theme score")
    func mailHostNotScored() throws {
        let host = try #require(questionnaire.themes.flatMap(\.questions).first { $0.id == "mel-fournisseur" })
        #expect(host.choiceOfValues)
        #expect(host.options.allSatisfy { $0.score == nil })
        func messagerie(_ hostOption: String) -> Int? {
            let answers = Answers([
                "mel-adresse": ["domaine-asso"], "mel-fournisseur": [hostOption], "mel-recuperation": ["secours-asso"],
                "mel-domaine-titulaire": ["association"], "mel-domaine-renouvellement": ["automatique-asso"],
            ])
            return Scoring.themeScores(answers, questionnaire: questionnaire).first { $0.themeID == "messagerie" }?
                .score
        }
        let hosts = ["hebergeur-ethique", "payant-europeen", "grand-service-gratuit", "auto-heberge"]
        let scores = Set(hosts.map(messagerie))
        #expect(scores == [100])
        // the practice is scored: recovery through one volunteer's phone costs points wherever the box is
        let answers = Answers([
            "mel-adresse": ["domaine-asso"], "mel-fournisseur": ["hebergeur-ethique"],
            "mel-recuperation": ["secours-perso"], "mel-domaine-titulaire": ["association"],
            "mel-domaine-renouvellement": ["automatique-asso"],
        ])
        let score = Scoring.themeScores(answers, questionnaire: questionnaire).first { $0.themeID == "messagerie" }?
            .score
        #expect(score.map { $0 < 100 } == true)
    }

    @Test("Every shipped theme rests on at least three scored questions")
    func themesRestOnPractice() {
        for theme in questionnaire.themes {
            #expect(
                theme.questions.filter { !$0.choiceOfValues }.count >= QuestionnaireLoader.minimumScoredPractices,
                "\(theme.id)")
        }
    }

    /// An advisor case (a whole association): a ten-employee social centre, all on Google, that buys
    /// every computer new and replaces it when it slows down. It used to get 100/100 in "Sobriété et
    /// éthique", whose only scored question was how photos are shared.
    @Test("Advisor case: the all-Google centre that buys everything new no longer gets 100 in Sobriété")
    func allGoogleBuysNew() throws {
        let answers = Answers([
            "taille": ["50-a-199"], "salaries": ["10-et-plus"], "budget": ["plus-de-100000"],
            "secteur": ["social-solidarite"], "valeurs": ["peu"],
            "usages": ["mail", "file-sharing", "co-writing", "video-meetings", "office-suite"],
            "outils-mail": ["gmail"], "outils-file-sharing": ["google-drive"], "outils-co-writing": ["google-docs"],
            "mat-obtention": ["neuf"],
            "sob-logiciels": ["surtout-proprietaires"], "sob-hebergement": ["grands-services"],
            "sob-photos": ["lien"], "sob-duree": ["remplacer"], "sob-tri": ["jamais"],
            "sob-choix": ["premier-venu"],
        ])
        let report = Report.make(answers: answers, questionnaire: questionnaire)
        let sobriety = try #require(report.themes.first { $0.themeID == "sobriete" })
        let score = try #require(sobriety.score)
        #expect(score < 60, "Sobriété : \(score)")
        #expect(sobriety.answered == 4)  // photos, hardware life, sorting, choosing: not the two values questions
        // the practices weigh, the values do not: the same centre with free software and a CHATONS host
        var ethical = answers.choices
        ethical["sob-logiciels"] = ["surtout-libres"]
        ethical["sob-hebergement"] = ["chez-nous-ou-chatons"]
        let same = Report.make(answers: Answers(ethical), questionnaire: questionnaire)
        #expect(same.themes.first { $0.themeID == "sobriete" }?.score == score)
        // and the steps that follow from its practices are proposed
        #expect(report.tags.contains("quick:extend-hardware-life"))
        #expect(report.tags.contains("quick:tool-choice-criteria"))
    }

    // MARK: - The loader refuses

    func refused(_ file: String, _ edit: (String) -> String) throws -> ContentError? {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID())")
        try FileManager.default.copyItem(at: contentDirectory, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let url = copy.appendingPathComponent("questionnaire/themes/\(file)")
        try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try QuestionnaireLoader.load(from: copy)
            return nil
        } catch let error as ContentError {
            return error
        }
    }

    @Test("The loader refuses a scored option without its practice, naming file, line and field")
    func missingPractice() throws {
        let error = try #require(
            try refused("03-mots-de-passe.yaml") {
                $0.replacingOccurrences(of: "        practice: \"gestionnaire de mots de passe partagé\"\n", with: "")
            })
        #expect(error.file == "03-mots-de-passe.yaml")
        #expect(error.field == "questions[0].options[0].practice")
        #expect(error.line != nil)
        #expect(error.message.contains("practice manquant"))
    }

    @Test("The loader refuses two options that score differently but name the same practice")
    func samePracticeTwoScores() throws {
        let error = try #require(
            try refused("03-mots-de-passe.yaml") {
                $0.replacingOccurrences(
                    of: "practice: \"carnet ou document connu de quelques personnes\"",
                    with: "practice: \"Gestionnaire de mots de passe partagé\"")
            })
        #expect(error.file == "03-mots-de-passe.yaml")
        #expect(error.field == "questions[0].options[1].practice")
        #expect(error.message.contains("même pratique"))
    }

    @Test("The loader refuses two options whose only difference is who hosts (a values tag)")
    func differOnlyByValues() throws {
        // two ways of keeping passwords that differ only by a host tag, with different scores
        let error = try #require(
            try refused("03-mots-de-passe.yaml") {
                $0.replacingOccurrences(
                    of: "        tags: [good:password-manager]\n",
                    with: "        tags: [quick:password-manager, host:chatons]\n"
                ).replacingOccurrences(
                    of: "        tags: [quick:password-manager]\n",
                    with: "        tags: [quick:password-manager, host:us]\n")
            })
        #expect(error.file == "03-mots-de-passe.yaml")
        #expect(error.field == "questions[0].options[1].tags")
        #expect(error.message.contains("étiquettes d'information"))
    }

    @Test("The loader refuses a theme resting on fewer than three scored questions, naming file and theme")
    func tooFewPractices() throws {
        // Sobriété as it was: two questions of values and one scored practice (how photos are shared)
        let error = try #require(
            try refused("09-sobriete.yaml") { text in
                String(text[..<text.range(of: "  - id: sob-duree\n")!.lowerBound])
            })
        #expect(error.file == "09-sobriete.yaml")
        #expect(error.field == "questions")
        #expect(error.line != nil)
        #expect(error.message.contains("« sobriete » ne repose que sur 1 question"))
    }

    // MARK: - The time announced

    @Test("The typical path (ten usages checked, those that take longest, help folded) takes 20 minutes at most")
    func typicalPath() {
        let typical = DiagnosticDuration.estimate(questionnaire)
        #expect(DiagnosticDuration.typicalUsages == 10)
        #expect(typical.minutes <= 20, "\(typical.words) mots, \(typical.answers) réponses : \(typical.minutes) min")
        #expect(typical.announced <= 20)
        // errs on the long side: no ten usages make a longer path
        for skipped in questionnaire.context.filter(\.isToolQuestion).map(\.need) {
            let others = questionnaire.context.filter(\.isToolQuestion).map(\.need).filter { $0 != skipped }
            let path = DiagnosticDuration.estimate(
                questionnaire, answers: Answers(["usages": Array(others.prefix(10))]))
            #expect(path.minutes <= typical.minutes, "\(others.prefix(10))")
        }
    }

    @Test("One's own path: folded questions count only under a usage checked; the rest of the way shrinks page by page")
    func ownPath() throws {
        let few = Answers(["usages": ["group-chat"]])
        let many = Answers(["usages": ["group-chat", "website", "members", "mail", "video-meetings"]])
        let short = DiagnosticDuration.estimate(questionnaire, answers: few)
        let long = DiagnosticDuration.estimate(questionnaire, answers: many)
        #expect(short.minutes < long.minutes)
        // the website's two questions and accessibility are asked only with the website (or newsletter…) checked
        let communication = try #require(questionnaire.theme("communication"))
        let page = QuestionnairePage.theme(communication, number: 6)
        #expect(!questionnaire.shownQuestionIDs(page, answers: few).contains("com-site-mise-a-jour"))
        #expect(questionnaire.shownQuestionIDs(page, answers: many).contains("com-site-mise-a-jour"))
        #expect(questionnaire.shownQuestionIDs(page, answers: Answers()).count == communication.questions.count)
        // answers: the first page, the tool lists shown, the theme questions asked
        let asked = questionnaire.themes.flatMap(\.questions).filter { $0.isAsked(given: few) }.count
        let profile = questionnaire.context.filter { !$0.isToolQuestion }.count
        #expect(short.answers == profile + 1 + asked)
        // from page 3 on, less is left than in all
        let left = DiagnosticDuration.estimate(questionnaire, answers: few, fromPage: 3)
        #expect(left.minutes < short.minutes)
        #expect(DiagnosticDuration.estimate(questionnaire, answers: few, fromPage: 99).words == 0)
    }

    @Test("A folded question not asked counts nowhere: neither its tags, nor its finding, nor the theme's score")
    func foldedAnswersIgnored() {
        let answers = Answers([
            "usages": ["group-chat"], "com-site-mise-a-jour": ["prestataire"], "com-prevenir": ["liste-de-diffusion"],
        ])
        #expect(!answers.tags(in: questionnaire).contains("risk:website-dependency"))
        let communication = Scoring.themeScores(answers, questionnaire: questionnaire).first {
            $0.themeID == "communication"
        }
        #expect(communication?.score == 100)
        #expect(communication?.questions == 1)
    }
}
