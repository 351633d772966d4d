/// How each theme moved between two diagnostics. A theme is compared only where both diagnostics
/// scored it under the same id (questionnaires change: a renamed theme is not compared).
public struct ThemeTrend: Sendable, Equatable {
    public enum Direction: String, Sendable { case up, down, same, unknown }

    public let themeID: String
    public let title: String
    public let score: Int?
    public let change: Int?

    public var direction: Direction {
        guard let change else { return .unknown }
        return change > 0 ? .up : change < 0 ? .down : .same
    }

    public static func between(latest: ScoreSummary, previous: ScoreSummary?) -> [ThemeTrend] {
        let before = Dictionary(
            (previous?.themes ?? []).map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first })
        return latest.themes.map { theme in
            let old = before[theme.id] ?? nil
            let change = theme.score.flatMap { now in old.map { now - $0 } }
            return ThemeTrend(themeID: theme.id, title: theme.title, score: theme.score, change: change)
        }
    }

    public static func between(latest: ScoreSnapshot, previous: ScoreSnapshot?) -> [ThemeTrend] {
        between(latest: ScoreSummary(latest), previous: previous.map(ScoreSummary.init))
    }
}
