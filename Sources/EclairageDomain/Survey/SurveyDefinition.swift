/// A short survey a network puts to the associations of its territory: a title, an introduction, the
/// territory it is open to, the days it opens and closes (both included, Paris time), and a few
/// questions. Written as a data file (`Content/surveys/*.yaml`) or through the network's form; both
/// are checked by `SurveyDefinition.problems`.
public struct SurveyDefinition: Codable, Sendable, Equatable {
    public var title: String
    public var introduction: String
    /// `whole`, `departement 69` or `region 84` (see `Territory.init(surveyText:)`).
    public var territory: String
    /// First day answers are taken, `2027-01-04`.
    public var opens: String
    /// Last day answers are taken (included).
    public var closes: String
    public var questions: [SurveyQuestion]

    public init(
        title: String, introduction: String, territory: String, opens: String, closes: String,
        questions: [SurveyQuestion]
    ) {
        self.title = title
        self.introduction = introduction
        self.territory = territory
        self.opens = opens
        self.closes = closes
        self.questions = questions
    }

    /// At most this many questions: a survey stays short.
    public static let maxQuestions = 10
    /// A free-text answer is at most this long.
    public static let maxTextAnswer = 2000

    /// The territory, once `problems` found nothing wrong with it.
    public var area: Territory? { Territory(surveyText: territory) }
    public var opensDay: Day? { Day(iso: opens) }
    public var closesDay: Day? { Day(iso: closes) }
}

/// One question of a survey. Free-text answers are read by the network only: never published, never
/// exported, never counted in an aggregate.
public struct SurveyQuestion: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// One option among several.
        case single
        /// Any number of options.
        case multiple
        /// A score from 1 to 5.
        case scale
        /// Free text, kept for the network only.
        case text
    }

    public var id: String
    public var kind: Kind
    public var text: String
    /// For `single` and `multiple` only.
    public var options: [SurveyOption]?
    /// An answer must be given (false when absent).
    public var required: Bool?

    public init(id: String, kind: Kind, text: String, options: [SurveyOption]? = nil, required: Bool? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.options = options
        self.required = required
    }

    public var isRequired: Bool { required ?? false }

    /// The values an answer may take: option ids, or "1"…"5" for a scale; nil for free text.
    public var allowedValues: [String]? {
        switch kind {
        case .single, .multiple: (options ?? []).map(\.id)
        case .scale: SurveyQuestion.scaleValues
        case .text: nil
        }
    }

    public static let scaleValues = ["1", "2", "3", "4", "5"]
}

public struct SurveyOption: Codable, Sendable, Equatable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

extension Territory {
    /// A survey's territory as written in its file or stored: `whole`, `departement 69`, `region 84`.
    public init?(surveyText text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch (parts.first, parts.count) {
        case ("whole", 1): self = .whole
        case ("departement", 2): self = .departement(parts[1])
        case ("region", 2): self = .region(parts[1])
        default: return nil
        }
    }

    public var surveyText: String {
        switch self {
        case .whole: "whole"
        case .departement(let code): "departement \(code)"
        case .region(let code): "region \(code)"
        }
    }

    /// Whether an association of this département belongs to the territory.
    public func contains(departement code: String, map: TerritoryMap) -> Bool {
        switch self {
        case .whole: true
        case .departement(let own): own == code
        case .region(let own): map.regionOfDepartement[code] == own
        }
    }
}
