import Foundation
import Yams

/// The rules that keep scores about practices (issue 23): values never score, and a theme's score
/// rests on enough practice.
extension QuestionnaireLoader {
    /// A theme's score is the mean of at least this many scored questions (not choices of values).
    public static let minimumScoredPractices = 3

    /// Tags that say who or what (a tool, a host, a preference), not how the association works: two
    /// options of a scored question that differ only by such tags describe the same practice.
    static let informationPrefixes = ["values:", "uses:", "host:", "platform:"]

    static func isInformation(_ tag: String) -> Bool { informationPrefixes.contains { tag.hasPrefix($0) } }

    /// Each scored option ("je ne sais pas" aside) names its practice; a choice of values or a "does
    /// not apply" names none; two options that score differently name different practices and differ
    /// by more than information tags.
    static func checkPractices(of question: Question, file: String, node: Node, path: [PathKey]) throws {
        var seen: [(practice: String, tags: Set<String>, score: Int, position: Int)] = []
        for (o, option) in question.options.enumerated() {
            let optionPath = path + ["options", .at(o)]
            let practice = option.practice?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let score = question.countedScore(option) else {
                if !practice.isEmpty {
                    throw problem(
                        file, node, optionPath + ["practice"],
                        question.choiceOfValues
                            ? "une question de valeurs (choice_of_values) ne décrit pas de pratique notée : retirez practice"
                            : "une option « ne s'applique pas » ne décrit pas de pratique : retirez practice")
                }
                continue
            }
            if option.dontKnow { continue }
            guard !practice.isEmpty else {
                throw problem(
                    file, node, optionPath + ["practice"],
                    "champ practice manquant : nommez la pratique concrète que décrit cette option notée")
            }
            let tags = Set(option.tags.filter { !isInformation($0) })
            for other in seen where other.score != score {
                if other.practice.lowercased() == practice.lowercased() {
                    throw problem(
                        file, node, optionPath + ["practice"],
                        "même pratique « \(practice) » que l'option \(other.position + 1) avec un autre score : un score note une pratique, pas un choix"
                    )
                }
                if other.tags == tags {
                    throw problem(
                        file, node, optionPath + ["tags"],
                        "ne diffère de l'option \(other.position + 1) que par des étiquettes d'information (values:, uses:, host:, platform:) avec un autre score : les valeurs ne se notent pas"
                    )
                }
            }
            seen.append((practice, tags, score, o))
        }
    }

    /// A folded question names usages of the first page; a theme rests on enough scored practices.
    static func checkTheme(_ theme: Theme, usages: Set<String>, file: String, node: Node) throws {
        for (q, question) in theme.questions.enumerated() {
            for (u, usage) in question.usages.enumerated() where !usages.contains(usage) || usage == "aucun" {
                throw problem(
                    file, node, ["questions", .at(q), "usages", .at(u)],
                    "usage inconnu « \(usage) » : un id d'option de la question « usages » de questionnaire.yaml")
            }
            try checkPractices(of: question, file: file, node: node, path: ["questions", .at(q)])
        }
        let scored = theme.questions.filter { !$0.choiceOfValues }.count
        if scored < minimumScoredPractices {
            throw problem(
                file, node, ["questions"],
                "le thème « \(theme.id) » ne repose que sur \(scored) question(s) notée(s) : il en faut au moins \(minimumScoredPractices) (les questions de valeurs ne comptent pas)"
            )
        }
    }
}
