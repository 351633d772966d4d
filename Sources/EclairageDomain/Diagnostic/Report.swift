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
            nextSteps: nextSteps(
                tags: tags, actionable: tags.subtracting(inPlaceOnly(answers, questionnaire)), themes: themes,
                questionnaire: questionnaire),
            tags: tags
        )
    }

    /// Tags carried only by answers the report lists under "En place" (their finding is `good:`).
    static func inPlaceOnly(_ answers: Answers, _ questionnaire: Questionnaire) -> Set<String> {
        let findings = ["good:", "risk:", "quick:", "unknown:", "none:"]
        let chosen = questionnaire.themes.flatMap(\.questions).flatMap { question in
            answers[question.id].compactMap { id in question.options.first { $0.id == id } }
        }
        let (good, other) = chosen.reduce(into: (Set<String>(), Set<String>())) { sets, option in
            let finding = option.tags.first { tag in findings.contains { tag.hasPrefix($0) } }
            if finding?.hasPrefix("good:") == true {
                sets.0.formUnion(option.tags)
            } else {
                sets.1.formUnion(option.tags)
            }
        }
        return good.subtracting(other)
    }

    /// Steps whose tags match, risks first then quick wins then improvements; within a kind by
    /// priority (0 for a step urgent for these answers, see `NextStep.urgentWhen`), then weakest theme
    /// first. Up to five; at least three when that many match. A step is proposed only by tags of
    /// answers whose finding is not "En place" (`good:`): nothing is advised on what is already done.
    static func nextSteps(
        tags: Set<String>, actionable: Set<String>, themes: [ThemeScore], questionnaire: Questionnaire
    ) -> [NextStep] {
        let scoreOf = Dictionary(uniqueKeysWithValues: themes.map { ($0.themeID, $0.score ?? 100) })
        let matching = questionnaire.steps.filter { $0.when.contains(where: actionable.contains) }
        func key(_ step: NextStep) -> (Int, Int, Int, String) {
            (step.kind.rank, step.priority(for: tags), scoreOf[step.theme] ?? 100, step.id)
        }
        let sorted = matching.sorted { key($0) < key($1) }
        // Keep room for a quick win: at most four risks when a quick win exists.
        var chosen = Array(sorted.filter { $0.kind == .risk }.prefix(4))
        for step in sorted where step.kind != .risk && chosen.count < 5 { chosen.append(step) }
        for step in sorted where !chosen.contains(step) && chosen.count < 5 { chosen.append(step) }
        return chosen.sorted {
            ($0.kind.rank, $0.priority(for: tags), $0.id) < ($1.kind.rank, $1.priority(for: tags), $1.id)
        }
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
