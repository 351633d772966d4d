extension Migrations {
    /// The accompaniment's last pieces (issue 21).
    /// - Each diagnostic's figures as the advisor's dashboard reads them (`ScoreSummary`): the overall
    ///   score and the themes' lines, written with the stored `ScoreSnapshot` in the same statement;
    ///   diagnostics scored before get them from the scores backfill.
    /// - The calendar's training a plan step relates to. No foreign key (SQLite cannot drop such a
    ///   column): a deleted training leaves the step as it was, shown without the link.
    /// - Accompaniments a support body closed: the access ends as with a withdrawal, the closing stays
    ///   (reason, who, when it began and ended) for the association and the body's activity report.
    ///   An association's own withdrawal leaves no row.
    static let finishAccompaniment = Migration(
        33, "FinishAccompaniment",
        up: [
            "ALTER TABLE diagnostics ADD COLUMN overall_score INTEGER",
            "ALTER TABLE diagnostics ADD COLUMN theme_scores TEXT",
            "ALTER TABLE plan_steps ADD COLUMN training_id TEXT",
            """
            CREATE TABLE closed_accompaniments (
                id TEXT PRIMARY KEY,
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE,
                association_id TEXT REFERENCES associations (id) ON DELETE SET NULL,
                reason TEXT NOT NULL,
                closed_by_name TEXT NOT NULL,
                granted_at BIGINT NOT NULL,
                closed_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX closed_accompaniments_body ON closed_accompaniments (support_body_id, closed_at)",
            "CREATE INDEX closed_accompaniments_association ON closed_accompaniments (association_id)",
        ],
        down: [
            "DROP TABLE closed_accompaniments",
            "ALTER TABLE plan_steps DROP COLUMN training_id",
            "ALTER TABLE diagnostics DROP COLUMN theme_scores",
            "ALTER TABLE diagnostics DROP COLUMN overall_score",
        ])
}
