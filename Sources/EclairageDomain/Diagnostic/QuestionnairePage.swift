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

    /// The first page with an unanswered question, or the last page when all are answered.
    public func firstIncompletePage(_ answers: Answers) -> Int {
        let pages = pages
        return pages.firstIndex { $0.questionIDs.contains { answers[$0].isEmpty } } ?? pages.count - 1
    }
}
