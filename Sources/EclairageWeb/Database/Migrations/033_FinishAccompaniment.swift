extension Migrations {
    /// The accompaniment's last pieces (issue 21).
    /// - Each diagnostic's figures as the advisor's dashboard reads them (`ScoreSummary`): the overall
    ///   score and the themes' lines, written with the stored `ScoreSnapshot` in the same statement;
    ///   diagnostics scored before get them from the scores backfill.
    /// - The calendar's training a plan step relates to. No foreign key (SQLite cannot drop such a
    ///   column): a deleted training leaves the step as it was, shown without the link.
    static let finishAccompaniment = Migration(
        33, "FinishAccompaniment",
        up: [
            "ALTER TABLE diagnostics ADD COLUMN overall_score INTEGER",
            "ALTER TABLE diagnostics ADD COLUMN theme_scores TEXT",
            "ALTER TABLE plan_steps ADD COLUMN training_id TEXT",
        ],
        down: [
            "ALTER TABLE plan_steps DROP COLUMN training_id",
            "ALTER TABLE diagnostics DROP COLUMN theme_scores",
            "ALTER TABLE diagnostics DROP COLUMN overall_score",
        ])
}
