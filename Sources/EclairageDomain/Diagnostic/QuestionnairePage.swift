/// The pages of the questionnaire, in order: the association's profile, the tools it uses,
/// then one page per theme.
public enum QuestionnairePage: Sendable, Equatable {
    case profile([ContextQuestion])
    case tools([ContextQuestion])
    case theme(Theme, number: Int)

    public var questionIDs: [String] {
        switch self {
        case .profile(let questions), .tools(let questions): questions.map(\.id)
        case .theme(let theme, _): theme.questions.map(\.id)
        }
    }
}

extension Questionnaire {
    public var pages: [QuestionnairePage] {
        [.profile(context.filter { !$0.isToolQuestion }), .tools(context.filter(\.isToolQuestion))]
            + themes.enumerated().map { .theme($1, number: $0 + 1) }
    }

    /// The question on the first page that says which needs apply ("usages"); its option ids are the
    /// tool questions' ids without `outils-`.
    public static let usagesQuestionID = "usages"

    /// The tool lists to show: those of the needs checked under "usages", or all of them while that
    /// question has no answer.
    public func toolQuestions(shownFor answers: Answers) -> [ContextQuestion] {
        let tools = context.filter(\.isToolQuestion)
        let usages = answers[Self.usagesQuestionID]
        guard !usages.isEmpty else { return tools }
        return tools.filter { usages.contains($0.need) }
    }

    /// The questions a page shows for these answers: the tool lists of the usages checked, and the
    /// theme questions these usages lead to (`Question.isAsked`).
    public func shownQuestionIDs(_ page: QuestionnairePage, answers: Answers) -> [String] {
        switch page {
        case .tools: toolQuestions(shownFor: answers).map(\.id)
        case .theme(let theme, _): theme.questions.filter { $0.isAsked(given: answers) }.map(\.id)
        case .profile: page.questionIDs
        }
    }

    /// The first page with an unanswered question, or the last page when all are answered.
    public func firstIncompletePage(_ answers: Answers) -> Int {
        let pages = pages
        return pages.firstIndex { shownQuestionIDs($0, answers: answers).contains { answers[$0].isEmpty } } ?? pages
            .count - 1
    }
}
