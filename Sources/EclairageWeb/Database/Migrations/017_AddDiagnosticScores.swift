extension Migrations {
    /// The figures of each diagnostic with the questionnaire version they were computed with
    /// (`ScoreSnapshot` as JSON), so that past reports keep them when the content changes.
    static let addDiagnosticScores = Migration(
        17, "AddDiagnosticScores",
        up: [
            "ALTER TABLE diagnostics ADD COLUMN scores TEXT"
        ], down: ["ALTER TABLE diagnostics DROP COLUMN scores"])
}
