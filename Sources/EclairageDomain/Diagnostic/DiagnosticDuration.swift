/// How long the diagnostic takes, computed from the content: the words one must read at 200 a minute,
/// plus 3 seconds per answer. Help texts are folded ("Pourquoi cette question ?") and not counted; the
/// département list is a choice, not a text to read. What is read depends on the usages checked on the
/// first page: their tool lists, and the theme questions folded under them (`Question.usages`).
///
/// Before the first page is answered, the site announces a *typical* path: `typicalUsages` usages
/// checked, chosen one by one as the usage that adds the most time, so the figure errs on the long
/// side. Once the first page is answered, each page announces the estimate for the usages checked.
public enum DiagnosticDuration {
    public static let wordsPerMinute = 200.0
    public static let secondsPerAnswer = 3.0
    public static let typicalUsages = 10

    public struct Estimate: Sendable, Equatable {
        public let words: Int
        public let answers: Int
        public var minutes: Double { Double(words) / wordsPerMinute + Double(answers) * secondsPerAnswer / 60 }
        /// Whole minutes, rounded up: what the site announces.
        public var announced: Int { Int(minutes.rounded(.up)) }
    }

    /// The typical path: `usages` usages checked, those that make the diagnostic longest.
    public static func estimate(_ questionnaire: Questionnaire, usages: Int = typicalUsages) -> Estimate {
        let items = Item.all(questionnaire)
        let candidates = questionnaire.context.filter(\.isToolQuestion).map(\.need)
        var chosen = Set<String>()
        for _ in 0..<min(max(usages, 0), candidates.count) {
            var best: (need: String, minutes: Double)?
            for need in candidates where !chosen.contains(need) {
                let minutes = total(items, checked: chosen.union([need]), fromPage: 1).minutes
                if best == nil || minutes > best!.minutes { best = (need, minutes) }
            }
            chosen.insert(best!.need)
        }
        return total(items, checked: chosen, fromPage: 1)
    }

    /// The path of these answers, from page `fromPage` (1 for the whole diagnostic) to the end: every
    /// page's questions as the answers' usages show them (all of them while `usages` is unanswered).
    public static func estimate(_ questionnaire: Questionnaire, answers: Answers, fromPage: Int = 1) -> Estimate {
        let checked = answers[Questionnaire.usagesQuestionID]
        return total(Item.all(questionnaire), checked: checked.isEmpty ? nil : Set(checked), fromPage: fromPage)
    }

    /// One thing to read, on one page, perhaps to answer; `usages` empty when it is shown whatever the
    /// usages checked.
    struct Item {
        static func words(_ text: String) -> Int { DiagnosticDuration.words(text) }

        let page: Int
        let reading: Int
        let answers: Int
        let usages: [String]

        static func all(_ questionnaire: Questionnaire) -> [Item] {
            func read(_ question: ContextQuestion) -> Int {
                words(question.text)
                    + (question.kind == .departement ? 0 : question.options.map { words($0.label) }.reduce(0, +))
            }
            var items = [Item(page: 1, reading: words(questionnaire.intro), answers: 0, usages: [])]
            for question in questionnaire.context {
                items.append(
                    question.isToolQuestion
                        ? Item(page: 2, reading: read(question), answers: 1, usages: [question.need])
                        : Item(page: 1, reading: read(question), answers: 1, usages: []))
            }
            for (number, theme) in questionnaire.themes.enumerated() {
                let page = number + 3
                items.append(Item(page: page, reading: words(theme.title) + words(theme.intro), answers: 0, usages: []))
                for question in theme.questions {
                    let text = words(question.text) + question.options.map { words($0.label) }.reduce(0, +)
                    items.append(Item(page: page, reading: text, answers: 1, usages: question.usages))
                }
            }
            return items
        }
    }

    /// `checked` nil: `usages` unanswered, everything is shown.
    static func total(_ items: [Item], checked: Set<String>?, fromPage: Int) -> Estimate {
        var words = 0
        var answers = 0
        for item in items where item.page >= fromPage {
            if let checked, !item.usages.isEmpty, !item.usages.contains(where: checked.contains) { continue }
            words += item.reading
            answers += item.answers
        }
        return Estimate(words: words, answers: answers)
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
