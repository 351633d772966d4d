/// The figures of a diagnostic as computed with the questionnaire version it was answered with.
/// Stored at every save, so that a past report and the comparison with a retake keep their figures
/// when the content changes: while the version matches, scores are computed afresh (they are the
/// same); once it differs, the stored figures are shown, with the version they come from.
public struct ScoreSnapshot: Codable, Sendable, Equatable {
    public let version: String
    public let themes: [ThemeScore]
    public let overall: Int?

    public init(version: String, themes: [ThemeScore], overall: Int?) {
        self.version = version
        self.themes = themes
        self.overall = overall
    }

    public static func of(_ answers: Answers, questionnaire: Questionnaire) -> ScoreSnapshot {
        let themes = Scoring.themeScores(answers, questionnaire: questionnaire)
        return ScoreSnapshot(version: questionnaire.version, themes: themes, overall: Scoring.overall(themes))
    }

    /// The figures to show for answers given with `version`: the stored ones when that version is no
    /// longer the questionnaire's, else the figures computed now.
    public static func figures(_ answers: Answers, stored: ScoreSnapshot?, questionnaire: Questionnaire)
        -> ScoreSnapshot
    {
        if let stored, stored.version != questionnaire.version { return stored }
        return of(answers, questionnaire: questionnaire)
    }
}
