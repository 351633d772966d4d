/// What the report shows: scores, level, strengths, points of attention and 3–5 next steps.
public struct Report: Sendable, Equatable {
    public let questionnaireVersion: String
    public let themes: [ThemeScore]
    public let overall: Int?
    public let level: Level?
    /// Themes at 70 or more, on two counted answers at least, best first (at most three).
    public let strengths: [ThemeScore]
    /// Themes under 40, weakest first.
    public let attention: [ThemeScore]
    public let nextSteps: [NextStep]
    public let tags: Set<String>

    /// `stored`: the figures kept when the diagnostic was last saved; they are used when they come from
    /// an earlier questionnaire version (see `ScoreSnapshot`).
    public static func make(answers: Answers, questionnaire: Questionnaire, stored: ScoreSnapshot? = nil) -> Report {
        let figures = ScoreSnapshot.figures(answers, stored: stored, questionnaire: questionnaire)
        let themes = figures.themes
        let overall = figures.overall
        let tags = answers.tags(in: questionnaire)
        let scored = themes.filter { $0.score != nil }
        return Report(
            questionnaireVersion: figures.version,
            themes: themes,
            overall: overall,
            level: overall.map(Level.of(score:)),
            strengths: Array(
                scored.filter { $0.score! >= 70 && $0.answered >= 2 }.sorted {
                    ($0.score!, $1.themeID) > ($1.score!, $0.themeID)
                }.prefix(3)),
            attention: scored.filter { $0.score! < 40 }.sorted { ($0.score!, $0.themeID) < ($1.score!, $1.themeID) },
            nextSteps: nextSteps(tags: tags, themes: themes, questionnaire: questionnaire),
            tags: tags
        )
    }

    /// Steps whose tags match, risks first then quick wins then improvements; within a kind by
    /// priority, then weakest theme first. Up to five; at least three when that many match.
    static func nextSteps(tags: Set<String>, themes: [ThemeScore], questionnaire: Questionnaire) -> [NextStep] {
        let scoreOf = Dictionary(uniqueKeysWithValues: themes.map { ($0.themeID, $0.score ?? 100) })
        let matching = questionnaire.steps.filter { $0.when.contains(where: tags.contains) }
        let sorted = matching.sorted {
            ($0.kind.rank, $0.priority, scoreOf[$0.theme] ?? 100, $0.id) < (
                $1.kind.rank, $1.priority, scoreOf[$1.theme] ?? 100, $1.id
            )
        }
        // Keep room for a quick win: at most four risks when a quick win exists.
        var chosen = Array(sorted.filter { $0.kind == .risk }.prefix(4))
        for step in sorted where step.kind != .risk && chosen.count < 5 { chosen.append(step) }
        for step in sorted where !chosen.contains(step) && chosen.count < 5 { chosen.append(step) }
        return chosen.sorted { ($0.kind.rank, $0.priority, $0.id) < ($1.kind.rank, $1.priority, $1.id) }
    }
}

/// What changed since the association's previous diagnostic, theme by theme.
public struct Comparison: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public let themeID: String
        public let title: String
        public let before: Int?
        public let after: Int?
        public var delta: Int? {
            guard let before, let after else { return nil }
            return after - before
        }
    }

    public let changes: [Change]
    public let overallBefore: Int?
    public let overallAfter: Int?

    public static func between(previous: Report, current: Report) -> Comparison {
        let before = Dictionary(uniqueKeysWithValues: previous.themes.map { ($0.themeID, $0.score) })
        return Comparison(
            changes: current.themes.map {
                Change(themeID: $0.themeID, title: $0.title, before: before[$0.themeID] ?? nil, after: $0.score)
            },
            overallBefore: previous.overall,
            overallAfter: current.overall
        )
    }
}
