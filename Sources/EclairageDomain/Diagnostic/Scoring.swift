/// Overall level, from A (well equipped and organised) to E (everything is still to build).
/// Thresholds on the overall score (mean of the answered themes): A ≥ 80, B ≥ 65, C ≥ 50, D ≥ 35, E below.
public enum Level: String, Sendable, Codable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D", e = "E"

    public static func of(score: Int) -> Level {
        switch score {
        case 80...: .a
        case 65..<80: .b
        case 50..<65: .c
        case 35..<50: .d
        default: .e
        }
    }
}

/// A theme's score (0–100, mean of its answered questions) and the band its summary is taken from.
/// A theme is *settled* once at least half its questions have an answer ("does not apply" and
/// "I don't know" count as answers); before that its score is not known, whatever the answers so far.
public struct ThemeScore: Sendable, Equatable, Codable {
    public enum Band: String, Sendable, Codable { case high, medium, low }

    public let themeID: String
    public let title: String
    /// nil until the theme is settled, and when every answer is "does not apply".
    public let score: Int?
    /// Questions answered with a counted option ("I don't know" included; "does not apply" and choices of values not).
    public let answered: Int
    /// Questions with any answer, "does not apply" included.
    public let replied: Int
    public let questions: Int
    public let dontKnow: Int

    /// At least half the questions have an answer (`Scoring.settledShare`).
    public var isSettled: Bool { Double(replied) >= Double(questions) * Scoring.settledShare }

    public var band: Band? {
        guard let score else { return nil }
        return score >= 70 ? .high : (score >= 40 ? .medium : .low)
    }
}

/// Pure scoring: the same answers always give the same scores.
/// A partial diagnostic does not overclaim: a theme has a score once half its questions are
/// answered, and the overall level once 70 % of the themes have a score or do not apply.
public enum Scoring {
    public static let settledShare = 0.5
    public static let overallShare = 0.7

    public static func themeScores(_ answers: Answers, questionnaire: Questionnaire) -> [ThemeScore] {
        questionnaire.themes.map { theme in
            // Only the questions these answers lead to (see `Question.usages`).
            let asked = theme.questions.filter { $0.isAsked(given: answers) }
            // Answers that count: neither "does not apply" nor a choice of values.
            let counted = asked.compactMap { question -> (option: Option, score: Int)? in
                guard let id = answers[question.id].first, let option = question.options.first(where: { $0.id == id }),
                    let score = question.countedScore(option)
                else { return nil }
                return (option, score)
            }
            let replied = asked.filter { !answers[$0.id].isEmpty }.count
            let settled = Double(replied) >= Double(asked.count) * settledShare
            let score =
                counted.isEmpty || !settled
                ? nil : Int((Double(counted.map(\.score).reduce(0, +)) / Double(counted.count)).rounded())
            return ThemeScore(
                themeID: theme.id, title: theme.title, score: score, answered: counted.count, replied: replied,
                questions: asked.count, dontKnow: counted.filter(\.option.dontKnow).count
            )
        }
    }

    /// Mean of the themes with a score, each counting the same whatever its number of questions; nil
    /// while fewer than `overallShare` of the themes are settled.
    public static func overall(_ scores: [ThemeScore]) -> Int? {
        let values = scores.compactMap(\.score)
        let settled = scores.filter(\.isSettled).count
        guard !values.isEmpty, Double(settled) >= Double(scores.count) * overallShare else { return nil }
        return Int((Double(values.reduce(0, +)) / Double(values.count)).rounded())
    }
}
