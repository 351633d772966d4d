/// One respondent's answers, split in two: the choices (option ids, a scale's value), which the
/// aggregates count, and the free texts, which only the network reads and which no aggregate, page
/// or export of results ever holds.
public struct SurveyAnswers: Codable, Sendable, Equatable {
    /// By question id: the option ids chosen, or a scale's value ("1"…"5").
    public var choices: [String: [String]]
    /// By question id, the text typed (trimmed, never empty).
    public var texts: [String: String]

    public init(choices: [String: [String]] = [:], texts: [String: String] = [:]) {
        self.choices = choices
        self.texts = texts
    }

    /// Why an answer is refused; the form shows `survey.answer_error.<rawValue>`.
    public enum Problem: String, Sendable, Equatable {
        case required
        case unknownOption = "unknown_option"
        case oneOnly = "one_only"
        case tooLong = "too_long"
    }

    /// The form field of a question (`q-` and its id, so it never meets the form's other fields).
    public static func field(_ question: SurveyQuestion) -> String { "q-" + question.id }

    /// Reads the answers from the submitted values of each question's field (`values(field)`, every
    /// value sent under that name), and what is wrong, by field. Options are checked against the
    /// question's own: a forged value is refused, never stored.
    public static func read(
        _ questions: [SurveyQuestion], values: (String) -> [String]
    ) -> (answers: SurveyAnswers, problems: [String: Problem]) {
        var answers = SurveyAnswers()
        var problems: [String: Problem] = [:]
        for question in questions {
            let field = field(question)
            let sent = values(field).map(SubmittedFields.trimmed).filter { !$0.isEmpty }
            if sent.isEmpty {
                if question.isRequired { problems[field] = .required }
                continue
            }
            switch question.kind {
            case .text:
                let text = sent.joined(separator: "\n")
                if text.count > SurveyDefinition.maxTextAnswer { problems[field] = .tooLong }
                answers.texts[question.id] = text
            case .single, .scale, .multiple:
                let allowed = Set(question.allowedValues ?? [])
                let unique = sent.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                if !unique.allSatisfy(allowed.contains) {
                    problems[field] = .unknownOption
                } else if question.kind != .multiple, unique.count > 1 {
                    problems[field] = .oneOnly
                } else {
                    answers.choices[question.id] = unique
                }
            }
        }
        return (answers, problems)
    }
}
