/// What the observatory keeps of one completed diagnostic: figures and tags only, never a free text
/// nor an identifier. Built once, when the diagnostic's overall level becomes known, and kept after
/// an anonymous diagnostic's answers are deleted.
public struct ObservatoryRecord: Sendable, Equatable {
    /// "YYYY-MM", the month in Paris when the diagnostic was completed.
    public let month: String
    public let departement: String?
    /// The `size:` tag's value of the profile ("tiny", "small", "medium", "large").
    public let sizeBand: String?
    public let questionnaireVersion: String
    public let overall: Int
    public let level: Level
    /// Theme id → score, for the themes that have one.
    public let scores: [String: Int]
    /// Only what the published indicators count, sorted (see `ObservatoryRecord.tags`).
    public let tags: [String]

    public init(
        month: String, departement: String?, sizeBand: String?, questionnaireVersion: String, overall: Int,
        level: Level, scores: [String: Int], tags: [String]
    ) {
        self.month = month
        self.departement = departement
        self.sizeBand = sizeBand
        self.questionnaireVersion = questionnaireVersion
        self.overall = overall
        self.level = level
        self.scores = scores
        self.tags = tags
    }

    /// The record of a diagnostic whose figures are `snapshot`, completed at `completedAt` (Unix
    /// seconds), or nil while its overall level is not known. `isFreeSoftware` says whether a
    /// catalogue tool (by slug) is free software.
    public static func of(
        _ answers: Answers, snapshot: ScoreSnapshot, questionnaire: Questionnaire, completedAt: Int64,
        isFreeSoftware: (String) -> Bool
    ) -> ObservatoryRecord? {
        guard let overall = snapshot.overall else { return nil }
        let answered = answers.tags(in: questionnaire)
        let clock = ParisTime(unixTime: completedAt)
        let departement = questionnaire.context.first { $0.kind == .departement }.flatMap { answers[$0.id].first }
        let size = answered.filter { $0.hasPrefix("size:") }.sorted().first.map { String($0.dropFirst(5)) }
        var scores: [String: Int] = [:]
        for theme in snapshot.themes { if let score = theme.score { scores[theme.themeID] = score } }
        return ObservatoryRecord(
            month: month(of: clock), departement: departement, sizeBand: size,
            questionnaireVersion: snapshot.version, overall: overall, level: Level.of(score: overall), scores: scores,
            tags: tags(answered, scores: scores, isFreeSoftware: isFreeSoftware))
    }

    /// A theme under this score is a point of attention (as on the report).
    public static let attentionBelow = 40

    /// The tags the indicators need, and nothing else:
    /// - `uses-for:<need>:<tool>`: tools in use by need (`other` for "another tool", never its name);
    /// - `free-software:yes` / `free-software:no`: whether a tool in use is free software (nothing
    ///   when no tool was named);
    /// - `attention:<theme>`: themes under `attentionBelow`;
    /// - `difficulty:<kind>`: the difficulties declared on the profile page.
    static func tags(_ answered: Set<String>, scores: [String: Int], isFreeSoftware: (String) -> Bool) -> [String] {
        let uses = answered.filter { $0.hasPrefix("uses-for:") }
        let tools = uses.compactMap { $0.split(separator: ":").last.map(String.init) }.filter { $0 != "other" }
        var kept = uses.union(answered.filter { $0.hasPrefix("difficulty:") })
        if !tools.isEmpty {
            kept.insert(tools.contains(where: isFreeSoftware) ? "free-software:yes" : "free-software:no")
        }
        for (theme, score) in scores where score < attentionBelow { kept.insert("attention:\(theme)") }
        return kept.sorted()
    }

    /// How long records are kept, in years after their month.
    public static let keptYears = 10

    /// The first month still kept at `now` (Unix seconds): the same month `keptYears` years earlier.
    public static func oldestKeptMonth(now: Int64) -> String {
        let clock = ParisTime(unixTime: now)
        return String(clock.year - keptYears) + "-" + month(of: clock).suffix(2)
    }

    static func month(of clock: ParisTime) -> String { ObservatoryPeriod.month(clock.year, clock.month).slug }
}
