/// What a diagnostic recorded: for each question, the chosen option ids (one for theme questions,
/// several for "which tools do you use").
public struct Answers: Sendable, Equatable, Codable {
    public var choices: [String: [String]]

    public init(_ choices: [String: [String]] = [:]) { self.choices = choices }

    public subscript(question: String) -> [String] { choices[question] ?? [] }

    /// Every tag carried by a chosen option, context and themes alike. A tool in use also gives
    /// `uses-for:<need>:<tool>` (`other` for "un autre outil"), so advice keeps a tool only for the need it was named under; the tool
    /// lists of needs unchecked under "usages" are ignored.
    public func tags(in questionnaire: Questionnaire) -> Set<String> {
        var tags = Set<String>()
        let shownTools = Set(questionnaire.toolQuestions(shownFor: self).map(\.id))
        for question in questionnaire.context where !question.isToolQuestion || shownTools.contains(question.id) {
            for option in question.options where self[question.id].contains(option.id) {
                tags.formUnion(option.tags)
                if question.isToolQuestion {
                    for tag in option.tags where tag.hasPrefix("uses:") {
                        tags.insert("uses-for:\(question.need):\(tag.dropFirst(5))")
                    }
                    if option.id == "autre" { tags.insert("uses-for:\(question.need):other") }
                }
            }
        }
        for theme in questionnaire.themes {
            for question in theme.questions where question.isAsked(given: self) {
                for option in question.options where self[question.id].contains(option.id) {
                    tags.formUnion(option.tags)
                }
            }
        }
        return tags
    }

    /// How many theme questions (among those asked) have an answer, out of how many.
    public func progress(in questionnaire: Questionnaire) -> (answered: Int, total: Int) {
        let questions = questionnaire.themes.flatMap(\.questions).filter { $0.isAsked(given: self) }
        return (questions.filter { !self[$0.id].isEmpty }.count, questions.count)
    }
}

/// Checks a page of submitted answers against the questionnaire before anything is stored.
public enum AnswerCheck {
    public enum Problem: Error, Equatable, Sendable {
        case unknownQuestion(String)
        case unknownOption(question: String, option: String)
        case severalOptions(question: String)
        case unknownDepartement(String)
    }

    /// `submitted` maps question ids of one page to the option ids sent. Questions of the page left
    /// blank are allowed (the person may come back to them).
    public static func check(
        _ submitted: [String: [String]], allowedQuestions: Set<String>, questionnaire: Questionnaire,
        departements: Set<String>
    ) -> Problem? {
        for (questionID, optionIDs) in submitted.sorted(by: { $0.key < $1.key }) {
            guard allowedQuestions.contains(questionID) else { return .unknownQuestion(questionID) }
            if let context = questionnaire.context.first(where: { $0.id == questionID }) {
                switch context.kind {
                case .departement:
                    if optionIDs.count > 1 { return .severalOptions(question: questionID) }
                    if let code = optionIDs.first, !departements.contains(code) { return .unknownDepartement(code) }
                case .single, .multiple:
                    if context.kind == .single, optionIDs.count > 1 { return .severalOptions(question: questionID) }
                    for option in optionIDs where !context.options.contains(where: { $0.id == option }) {
                        return .unknownOption(question: questionID, option: option)
                    }
                }
                continue
            }
            if optionIDs.count > 1 { return .severalOptions(question: questionID) }
            for option in optionIDs where questionnaire.option(question: questionID, option: option) == nil {
                return .unknownOption(question: questionID, option: option)
            }
        }
        return nil
    }
}
