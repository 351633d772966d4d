extension Migrations {
    /// The accompaniment's last pieces (issue 21).
    /// - Each diagnostic's figures as the advisor's dashboard reads them (`ScoreSummary`): the overall
    ///   score and the themes' lines, written with the stored `ScoreSnapshot` in the same statement;
    ///   diagnostics scored before get them from the scores backfill.
    static let finishAccompaniment = Migration(
        33, "FinishAccompaniment",
        up: [
            "ALTER TABLE diagnostics ADD COLUMN overall_score INTEGER",
            "ALTER TABLE diagnostics ADD COLUMN theme_scores TEXT",
        ],
        down: [
            "ALTER TABLE diagnostics DROP COLUMN theme_scores",
            "ALTER TABLE diagnostics DROP COLUMN overall_score",
        ])
}
