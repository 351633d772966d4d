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
            if let found = theme.questions.first(where: { $0.id == question })?.options.first(where: { $0.id == option }) {
                return found
            }
        }
        return nil
    }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
}

/// A theme: situational questions with graded answers, and plain-words summaries per score band.
public struct Theme: Codable, Sendable, Equatable {
    public let id: String
    public let title: String
    public let intro: String
    public let summaries: Summaries
    public let questions: [Question]

    public struct Summaries: Codable, Sendable, Equatable {
        public let high: String
        public let medium: String
        public let low: String
    }
}

/// "Que faites-vous quand…": one answer among graded options.
public struct Question: Codable, Sendable, Equatable {
    public let id: String
    public let text: String
    public let help: String?
    public let options: [Option]
}

public struct Option: Codable, Sendable, Equatable {
    public let id: String
    public let label: String
    /// 0–100; the best practice scores 100. "Je ne sais pas" is scored too.
    public let score: Int
    public let dontKnow: Bool
    /// "Nous n'avons pas de site" to "who updates the site": recorded (its tags count) but left out
    /// of the theme's mean, so an association is not marked down for what does not concern it.
    public let notApplicable: Bool
    public let tags: [String]

    enum CodingKeys: String, CodingKey {
        case id, label, score, tags
        case dontKnow = "dont_know"
        case notApplicable = "not_applicable"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        score = try container.decode(Int.self, forKey: .score)
        dontKnow = try container.decodeIfPresent(Bool.self, forKey: .dontKnow) ?? false
        notApplicable = try container.decodeIfPresent(Bool.self, forKey: .notApplicable) ?? false
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
    }

    public init(id: String, label: String, score: Int, dontKnow: Bool = false, notApplicable: Bool = false, tags: [String] = []) {
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

        var rank: Int { switch self { case .risk: 0; case .quickWin: 1; case .improvement: 2 } }
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
}
