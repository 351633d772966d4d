/// How long the diagnostic takes a typical association, computed from the content: the words it must
/// read at 200 a minute, plus 3 seconds per answer. Help texts are folded ("Pourquoi cette question ?")
/// and not counted; the département list is a choice, not a text to read. The typical association
/// checks `typicalUsages` needs, taken among the longest tool lists so the figure errs on the long side.
public enum DiagnosticDuration {
    public static let wordsPerMinute = 200.0
    public static let secondsPerAnswer = 3.0
    public static let typicalUsages = 6

    public struct Estimate: Sendable, Equatable {
        public let words: Int
        public let answers: Int
        public var minutes: Double { Double(words) / wordsPerMinute + Double(answers) * secondsPerAnswer / 60 }
        /// Whole minutes, rounded up: what the site announces.
        public var announced: Int { Int(minutes.rounded(.up)) }
    }

    public static func estimate(_ questionnaire: Questionnaire, usages: Int = typicalUsages) -> Estimate {
        func read(_ question: ContextQuestion) -> Int {
            words(question.text)
                + (question.kind == .departement ? 0 : question.options.map { words($0.label) }.reduce(0, +))
        }
        let profile = questionnaire.context.filter { !$0.isToolQuestion }
        let tools = questionnaire.context.filter(\.isToolQuestion).map(read).sorted(by: >).prefix(usages)
        var total = words(questionnaire.intro) + profile.map(read).reduce(0, +) + tools.reduce(0, +)
        var answers = profile.count + tools.count
        for theme in questionnaire.themes {
            total += words(theme.title) + words(theme.intro)
            for question in theme.questions {
                total += words(question.text) + question.options.map { words($0.label) }.reduce(0, +)
                answers += 1
            }
        }
        return Estimate(words: total, answers: answers)
    }

    /// Words as a reader counts them: runs of letters or digits ("l'association" is two).
    static func words(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for character in text {
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter && !inWord { count += 1 }
            inWord = isWordCharacter
        }
        return count
    }
}
