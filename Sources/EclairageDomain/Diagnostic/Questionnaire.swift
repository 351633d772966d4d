/// The versioned questionnaire, as loaded from `Content/questionnaire/`.
public struct Questionnaire: Sendable {
    public let version: String
    public let title: String
    public let intro: String
    public let context: [ContextQuestion]
    public let themes: [Theme]
    public let steps: [NextStep]

    /// Every option of every theme question, by question id then option id.
    public func option(question: String, option: String) -> Option? {
        for theme in themes {
            if let found = theme.questions.first(where: { $0.id == question })?.options.first(where: { $0.id == option }
            ) {
                return found
            }
        }
        return nil
    }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
}

/// A theme: situational questions with graded answers. Its summary on the report is built from the
/// answers: each option's first *finding* tag (`good:`, `risk:`, `quick:`, `unknown:`, `none:`) names
/// what the answer says, in the sentence `findings` gives for it.
public struct Theme: Codable, Sendable, Equatable {
    public let id: String
    public let title: String
    public let intro: String
    public let findings: [String: String]
    public let questions: [Question]

    enum CodingKeys: String, CodingKey { case id, title, intro, findings, questions }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        intro = try container.decode(String.self, forKey: .intro)
        findings = try container.decodeIfPresent([String: String].self, forKey: .findings) ?? [:]
        questions = try container.decode([Question].self, forKey: .questions)
    }

    public init(id: String, title: String, intro: String, findings: [String: String], questions: [Question]) {
        self.id = id
        self.title = title
        self.intro = intro
        self.findings = findings
        self.questions = questions
    }
}

/// "Que faites-vous quand…": one answer among graded options.
public struct Question: Codable, Sendable, Equatable {
    public let id: String
    public let text: String
    public let help: String?
    /// The answers express a preference of values (free software, ethics), not a practice that
    /// protects the association: shown and used for advice, never counted in a score.
    public let choiceOfValues: Bool
    /// Usages of the first page (`usages` option ids) this question is folded under: asked only when
    /// one of them is checked (or while that question has no answer). Empty: asked to everyone.
    public let usages: [String]
    public let options: [Option]

    enum CodingKeys: String, CodingKey {
        case id, text, help, options, usages
        case choiceOfValues = "choice_of_values"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        help = try container.decodeIfPresent(String.self, forKey: .help)
        choiceOfValues = try container.decodeIfPresent(Bool.self, forKey: .choiceOfValues) ?? false
        usages = try container.decodeIfPresent([String].self, forKey: .usages) ?? []
        options = try container.decode([Option].self, forKey: .options)
    }

    public init(
        id: String, text: String, help: String? = nil, choiceOfValues: Bool = false, usages: [String] = [],
        options: [Option]
    ) {
        self.id = id
        self.text = text
        self.help = help
        self.choiceOfValues = choiceOfValues
        self.usages = usages
        self.options = options
    }

    /// Whether these answers lead to the question: not folded, or folded under a usage checked on the
    /// first page (all are asked while `usages` has no answer). An answer to a question not asked is
    /// ignored everywhere (tags, findings, scores), as the tool lists of unchecked usages are.
    public func isAsked(given answers: Answers) -> Bool {
        let checked = answers[Questionnaire.usagesQuestionID]
        return usages.isEmpty || checked.isEmpty || usages.contains(where: checked.contains)
    }

    /// The answer of the best practice, and of the weakest (among the counted ones; the first option
    /// for a choice of values): for demo data and tests.
    public var bestOption: Option {
        options.filter { countedScore($0) != nil }.max { $0.score! < $1.score! } ?? options[0]
    }
    public var worstOption: Option {
        options.filter { countedScore($0) != nil }.min { $0.score! < $1.score! } ?? options[0]
    }

    /// The option's score as it counts in the theme's mean: none for a choice of values or "does not apply".
    public func countedScore(_ option: Option) -> Int? { choiceOfValues || option.notApplicable ? nil : option.score }
}

public struct Option: Codable, Sendable, Equatable {
    /// What a finding tag says about the association, in the report's summary of a theme.
    public enum FindingKind: String, Sendable, CaseIterable {
        case inPlace = "good", toStrengthen = "risk", quickWin = "quick", toCheck = "unknown", notConcerned = "none"
    }

    public let id: String
    public let label: String
    /// 0–100; the best practice scores 100. "Je ne sais pas" is scored too. None for "does not apply"
    /// and for the options of a choice of values.
    public let score: Int?
    public let dontKnow: Bool
    /// "Nous n'avons pas de site": recorded (its tags count) but left out of the theme's mean, so an
    /// association is not marked down for what does not concern it. Carries a `none:` tag, and no score.
    public let notApplicable: Bool
    public let tags: [String]
    /// The concrete practice a scored option describes ("copie hors site", "mises à jour
    /// automatiques"): two options of a question that score differently name different practices.
    public let practice: String?

    /// The first tag that says what this answer means for the association (see `FindingKind`).
    public var finding: String? { tags.first { Self.findingKind(of: $0) != nil } }

    public static func findingKind(of tag: String) -> FindingKind? {
        guard let colon = tag.firstIndex(of: ":") else { return nil }
        let kind = FindingKind(rawValue: String(tag[..<colon]))
        return kind == .quickWin ? .toStrengthen : kind
    }

    enum CodingKeys: String, CodingKey {
        case id, label, score, tags, practice
        case dontKnow = "dont_know"
        case notApplicable = "not_applicable"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        score = try container.decodeIfPresent(Int.self, forKey: .score)
        dontKnow = try container.decodeIfPresent(Bool.self, forKey: .dontKnow) ?? false
        notApplicable = try container.decodeIfPresent(Bool.self, forKey: .notApplicable) ?? false
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        practice = try container.decodeIfPresent(String.self, forKey: .practice)
    }

    public init(
        id: String, label: String, score: Int?, dontKnow: Bool = false, notApplicable: Bool = false,
        tags: [String] = [],
        practice: String? = nil
    ) {
        self.practice = practice
        self.id = id
        self.label = label
        self.score = score
        self.dontKnow = dontKnow
        self.notApplicable = notApplicable
        self.tags = tags
    }
}

/// A context question (size, budget, tools in use…): not scored, it shapes the advice.
public struct ContextQuestion: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case single, multiple, departement }

    public let id: String
    public let text: String
    public let help: String?
    public let kind: Kind
    public let options: [ContextOption]

    enum CodingKeys: String, CodingKey { case id, text, help, kind, options }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        help = try container.decodeIfPresent(String.self, forKey: .help)
        kind = try container.decode(Kind.self, forKey: .kind)
        options = try container.decodeIfPresent([ContextOption].self, forKey: .options) ?? []
    }

    /// Tool questions ("outils-…") get a page of their own.
    public var isToolQuestion: Bool { id.hasPrefix("outils-") }

    /// The need a tool question is about ("outils-mail" → "mail").
    public var need: String { isToolQuestion ? String(id.dropFirst("outils-".count)) : id }
}

public struct ContextOption: Codable, Sendable, Equatable {
    public let id: String
    public let label: String
    public let tags: [String]

    enum CodingKeys: String, CodingKey { case id, label, tags }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
    }
}

/// A next step the report can propose when one of its `when` tags is among the answers' tags.
public struct NextStep: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, Comparable {
        case risk, quickWin = "quick-win", improvement

        var rank: Int {
            switch self {
            case .risk: 0
            case .quickWin: 1
            case .improvement: 2
            }
        }
        public static func < (a: Kind, b: Kind) -> Bool { a.rank < b.rank }
    }

    public let id: String
    public let when: [String]
    public let kind: Kind
    public let priority: Int
    public let theme: String
    public let title: String
    public let text: String
    public let sheet: String?
    public let need: String?
    /// When one of these tags is among the answers (an employer, an association holding members'
    /// data…), the step goes among the first: before every step of its kind, whatever its priority.
    public let urgentWhen: [String]
    /// The part of Éclairage where the step is done (`register`, `inventory`, `handover`, `breaches`):
    /// the report links it for an association's members.
    public let inEclairage: String?

    enum CodingKeys: String, CodingKey {
        case id, when, kind, priority, theme, title, text, sheet, need
        case urgentWhen = "urgent_when", inEclairage = "in_eclairage"
    }

    public init(
        id: String, when: [String], kind: Kind, priority: Int, theme: String, title: String, text: String,
        sheet: String?, need: String?, urgentWhen: [String] = [], inEclairage: String? = nil
    ) {
        self.id = id
        self.when = when
        self.kind = kind
        self.priority = priority
        self.theme = theme
        self.title = title
        self.text = text
        self.sheet = sheet
        self.need = need
        self.urgentWhen = urgentWhen
        self.inEclairage = inEclairage
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), when: try c.decode([String].self, forKey: .when),
            kind: try c.decode(Kind.self, forKey: .kind), priority: try c.decode(Int.self, forKey: .priority),
            theme: try c.decode(String.self, forKey: .theme), title: try c.decode(String.self, forKey: .title),
            text: try c.decode(String.self, forKey: .text), sheet: try c.decodeIfPresent(String.self, forKey: .sheet),
            need: try c.decodeIfPresent(String.self, forKey: .need),
            urgentWhen: try c.decodeIfPresent([String].self, forKey: .urgentWhen) ?? [],
            inEclairage: try c.decodeIfPresent(String.self, forKey: .inEclairage))
    }

    /// The step's first action (its text's first sentence) and what follows, so a short report can
    /// give the action and a longer one the rest without saying it twice.
    public var firstAction: (action: String, rest: String) {
        let characters = Array(text)
        for index in characters.indices.dropLast(2)
        where ".!?".contains(characters[index]) && characters[index + 1] == " " && characters[index + 2].isUppercase {
            return (String(characters[...index]), String(characters[(index + 2)...]))
        }
        return (text, "")
    }

    /// Its place among the steps of its kind for these answers: 0 when urgent for them, else its priority.
    public func priority(for tags: Set<String>) -> Int { urgentWhen.contains(where: tags.contains) ? 0 : priority }
}
