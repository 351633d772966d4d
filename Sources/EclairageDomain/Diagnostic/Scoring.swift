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
public struct ThemeScore: Sendable, Equatable, Codable {
    public enum Band: String, Sendable, Codable { case high, medium, low }

    public let themeID: String
    public let title: String
    /// nil when no question of the theme was answered.
    public let score: Int?
    public let answered: Int
    public let questions: Int
    public let dontKnow: Int

    public var band: Band? {
        guard let score else { return nil }
        return score >= 70 ? .high : (score >= 40 ? .medium : .low)
    }
}

/// Pure scoring: the same answers always give the same scores.
public enum Scoring {
    public static func themeScores(_ answers: Answers, questionnaire: Questionnaire) -> [ThemeScore] {
        questionnaire.themes.map { theme in
            let chosen = theme.questions.compactMap { question -> Option? in
                guard let id = answers[question.id].first else { return nil }
                return question.options.first { $0.id == id && !$0.notApplicable }
            }
            let score = chosen.isEmpty ? nil : Int((Double(chosen.map(\.score).reduce(0, +)) / Double(chosen.count)).rounded())
            return ThemeScore(
                themeID: theme.id, title: theme.title, score: score, answered: chosen.count,
                questions: theme.questions.count, dontKnow: chosen.filter(\.dontKnow).count
            )
        }
    }

    /// Mean of the answered themes, each theme counting the same whatever its number of questions.
    public static func overall(_ scores: [ThemeScore]) -> Int? {
        let values = scores.compactMap(\.score)
        guard !values.isEmpty else { return nil }
        return Int((Double(values.reduce(0, +)) / Double(values.count)).rounded())
    }
}
