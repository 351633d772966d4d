/// What a theme's answers say, sorted for the report: what is in place, what to strengthen, what to
/// check, what does not concern the association, and its preferences of values. Each line is the sentence of the chosen option's
/// first finding tag, so the summary can only say what was answered.
public struct ThemeFindings: Sendable, Equatable {
    public var inPlace: [String] = []
    public var toStrengthen: [String] = []
    public var toCheck: [String] = []
    public var notConcerned: [String] = []
    /// Answers to a choice of values: said as preferences, whatever their tags, never as a weakness.
    public var preferences: [String] = []

    public init(
        inPlace: [String] = [], toStrengthen: [String] = [], toCheck: [String] = [], notConcerned: [String] = [],
        preferences: [String] = []
    ) {
        self.inPlace = inPlace
        self.toStrengthen = toStrengthen
        self.toCheck = toCheck
        self.notConcerned = notConcerned
        self.preferences = preferences
    }

    public var isEmpty: Bool {
        inPlace.isEmpty && toStrengthen.isEmpty && toCheck.isEmpty && notConcerned.isEmpty && preferences.isEmpty
    }

    public static func of(_ theme: Theme, answers: Answers) -> ThemeFindings {
        var findings = ThemeFindings()
        for question in theme.questions where question.isAsked(given: answers) {
            guard let id = answers[question.id].first, let option = question.options.first(where: { $0.id == id }),
                let tag = option.finding, let sentence = theme.findings[tag]
            else { continue }
            if question.choiceOfValues {
                findings.preferences.append(sentence)
                continue
            }
            switch Option.findingKind(of: tag) {
            case .inPlace: findings.inPlace.append(sentence)
            case .toStrengthen, .quickWin: findings.toStrengthen.append(sentence)
            case .toCheck: findings.toCheck.append(sentence)
            case .notConcerned: findings.notConcerned.append(sentence)
            case nil: break
            }
        }
        return findings
    }
}
