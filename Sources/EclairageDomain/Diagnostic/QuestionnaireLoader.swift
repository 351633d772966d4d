import Foundation
import Yams

/// Loads and checks the questionnaire: unique ids, every option scored 0–100 and naming its practice,
/// every theme resting on at least three scored questions, every listed theme present and every theme
/// file listed, every step reachable from some answer.
/// Each problem names the file, the line and the field.
public enum QuestionnaireLoader {
    struct Index: Decodable {
        let version: String
        let title: String
        let intro: String
        let themes: [String]
        let context: [ContextQuestion]
    }

    struct StepsFile: Decodable { let steps: [NextStep] }

    public static func load(from contentDirectory: URL) throws -> Questionnaire {
        let folder = contentDirectory.appendingPathComponent("questionnaire")
        let indexFile = folder.appendingPathComponent("questionnaire.yaml")
        let (index, indexNode) = try ContentFile.decodeWithNode(Index.self, from: indexFile)
        let themeFolder = folder.appendingPathComponent("themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: themeFolder.path).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        var themes: [String: (Theme, String, Node)] = [:]
        for file in files {
            let (theme, node) = try ContentFile.decodeWithNode(
                Theme.self, from: themeFolder.appendingPathComponent(file))
            if let other = themes[theme.id] {
                throw problem(file, node, ["id"], "thème « \(theme.id) » déjà défini dans \(other.1)")
            }
            themes[theme.id] = (theme, file, node)
        }
        var ordered: [Theme] = []
        for (position, id) in index.themes.enumerated() {
            guard let theme = themes[id] else {
                throw problem(
                    "questionnaire.yaml", indexNode, ["themes", .at(position)],
                    "aucun fichier de thème n'a l'id « \(id) »")
            }
            ordered.append(theme.0)
        }
        for (id, (_, file, node)) in themes where !index.themes.contains(id) {
            throw problem(
                file, node, ["id"], "le thème « \(id) » n'est pas listé dans questionnaire.yaml (champ themes)")
        }
        var seen: [String: String] = [:]
        for (position, question) in index.context.enumerated() {
            try claim(
                question.id, in: "questionnaire.yaml", node: indexNode, path: ["context", .at(position), "id"],
                seen: &seen)
            if question.kind != .departement && question.options.isEmpty {
                throw problem(
                    "questionnaire.yaml", indexNode, ["context", .at(position), "options"],
                    "une question à choix doit avoir des options")
            }
            try checkUniqueOptions(
                question.options.map(\.id), file: "questionnaire.yaml", node: indexNode,
                path: ["context", .at(position)])
        }
        try checkUsages(index.context, node: indexNode)
        let usageIDs = Set(
            index.context.first { $0.id == Questionnaire.usagesQuestionID }.map { $0.options.map(\.id) } ?? [])
        var tags = Set(index.context.flatMap { $0.options.flatMap(\.tags) })
        for theme in ordered {
            let (_, file, node) = themes[theme.id]!
            if theme.questions.isEmpty {
                throw problem(file, node, ["questions"], "un thème doit avoir au moins une question")
            }
            for (q, question) in theme.questions.enumerated() {
                try claim(question.id, in: file, node: node, path: ["questions", .at(q), "id"], seen: &seen)
                if question.options.count < 2 {
                    throw problem(file, node, ["questions", .at(q), "options"], "au moins deux options")
                }
                try checkUniqueOptions(question.options.map(\.id), file: file, node: node, path: ["questions", .at(q)])
                for (o, option) in question.options.enumerated() {
                    try checkOption(
                        option, of: question, theme: theme, file: file, node: node,
                        path: ["questions", .at(q), "options", .at(o)])
                    tags.formUnion(option.tags)
                }
            }
            try checkTheme(theme, usages: usageIDs, file: file, node: node)
            let firstFindings = Set(theme.questions.flatMap { $0.options.compactMap(\.finding) })
            for tag in theme.findings.keys.sorted() where !firstFindings.contains(tag) {
                throw problem(
                    file, node, ["findings", PathKey(stringValue: tag)],
                    "« \(tag) » n'est la première étiquette de constat d'aucune option : phrase inutile")
            }
        }
        let stepsFile = folder.appendingPathComponent("steps.yaml")
        let (steps, stepsNode) = try ContentFile.decodeWithNode(StepsFile.self, from: stepsFile)
        var stepIDs = Set<String>()
        for (position, step) in steps.steps.enumerated() {
            guard stepIDs.insert(step.id).inserted else {
                throw problem("steps.yaml", stepsNode, ["steps", .at(position), "id"], "id « \(step.id) » en double")
            }
            guard index.themes.contains(step.theme) else {
                throw problem(
                    "steps.yaml", stepsNode, ["steps", .at(position), "theme"], "thème inconnu « \(step.theme) »")
            }
            if let part = step.inEclairage, !["inventory", "handover", "register", "breaches"].contains(part) {
                throw problem(
                    "steps.yaml", stepsNode, ["steps", .at(position), "in_eclairage"],
                    "« \(part) » : inventory, handover, register ou breaches attendu")
            }
            for tag in step.urgentWhen where !tags.contains(tag) {
                throw problem(
                    "steps.yaml", stepsNode, ["steps", .at(position), "urgent_when"],
                    "aucune réponse ne porte « \(tag) »")
            }
            guard step.when.contains(where: tags.contains) else {
                throw problem(
                    "steps.yaml", stepsNode, ["steps", .at(position), "when"],
                    "aucune réponse ne porte ces étiquettes : cette étape ne serait jamais proposée")
            }
        }
        return Questionnaire(
            version: index.version, title: index.title, intro: index.intro, context: index.context, themes: ordered,
            steps: steps.steps)
    }

    /// One rule for scores: "does not apply" (a `none:` tag) and choices of values have none; every
    /// other option has one, 0–100. Every option says what it means through its first finding tag.
    private static func checkOption(
        _ option: Option, of question: Question, theme: Theme, file: String, node: Node, path: [PathKey]
    ) throws {
        let hasNone = option.tags.contains { Option.findingKind(of: $0) == .notConcerned }
        if option.notApplicable != hasNone {
            throw problem(
                file, node, path + ["tags"],
                option.notApplicable
                    ? "une option « ne s'applique pas » porte une étiquette none: qui dit ce qui manque"
                    : "une étiquette none: est réservée aux options not_applicable: true")
        }
        if option.notApplicable || question.choiceOfValues {
            if option.score != nil {
                throw problem(
                    file, node, path + ["score"],
                    option.notApplicable
                        ? "une option « ne s'applique pas » n'a pas de score : elle ne compte pas dans la moyenne"
                        : "une question de valeurs (choice_of_values) ne compte dans aucun score : retirez score")
            }
        } else {
            guard let score = option.score else { throw problem(file, node, path, "score manquant (entre 0 et 100)") }
            guard (0...100).contains(score) else {
                throw problem(file, node, path + ["score"], "le score doit être entre 0 et 100 (reçu \(score))")
            }
        }
        if option.dontKnow && !option.tags.contains(where: { Option.findingKind(of: $0) == .toCheck }) {
            throw problem(file, node, path + ["tags"], "« je ne sais pas » porte une étiquette unknown:")
        }
        guard let finding = option.finding else {
            throw problem(
                file, node, path + ["tags"],
                "aucune étiquette de constat (good:, risk:, quick:, unknown:, none:) : le rapport ne saurait pas quoi dire de cette réponse"
            )
        }
        if theme.findings[finding] == nil {
            throw problem(file, node, path + ["tags"], "pas de phrase pour « \(finding) » dans findings")
        }
    }

    /// "usages" has one option per tool question (its need), plus "aucun".
    private static func checkUsages(_ context: [ContextQuestion], node: Node) throws {
        guard let position = context.firstIndex(where: { $0.id == Questionnaire.usagesQuestionID }) else {
            throw problem(
                "questionnaire.yaml", node, ["context"],
                "la question « \(Questionnaire.usagesQuestionID) » (quels usages) manque")
        }
        let usages = Set(context[position].options.map(\.id))
        let needs = Set(context.filter(\.isToolQuestion).map(\.need))
        for need in needs.subtracting(usages).sorted() {
            throw problem(
                "questionnaire.yaml", node, ["context", .at(position), "options"],
                "pas d'option « \(need) » pour la question outils-\(need)")
        }
        for usage in usages.subtracting(needs).subtracting(["aucun"]).sorted() {
            throw problem(
                "questionnaire.yaml", node, ["context", .at(position), "options"],
                "l'option « \(usage) » ne correspond à aucune question outils-\(usage)")
        }
    }

    private static func claim(_ id: String, in file: String, node: Node, path: [PathKey], seen: inout [String: String])
        throws
    {
        if let other = seen[id] {
            throw problem(file, node, path, "id de question « \(id) » déjà utilisé dans \(other)")
        }
        seen[id] = file
    }

    private static func checkUniqueOptions(_ ids: [String], file: String, node: Node, path: [PathKey]) throws {
        var seen = Set<String>()
        for (position, id) in ids.enumerated() where !seen.insert(id).inserted {
            throw problem(
                file, node, path + ["options", .at(position), "id"], "option « \(id) » en double dans la question")
        }
    }

    static func problem(_ file: String, _ node: Node, _ path: [PathKey], _ message: String) -> ContentError {
        ContentError(
            file: file, line: ContentFile.locate(path, in: node), field: ContentFile.fieldName(path), message: message)
    }
}

/// One step of a path into a YAML document: a key, or a position in a list.
struct PathKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
    init(stringLiteral value: String) { self.init(stringValue: value) }
    static func at(_ index: Int) -> PathKey { PathKey(intValue: index) }
}
