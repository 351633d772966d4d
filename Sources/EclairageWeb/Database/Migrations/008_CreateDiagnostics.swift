extension Migrations {
    /// Diagnostics: anonymous by default (reached through a private token, only its hash kept),
    /// attachable to an association; answers one row per chosen option.
    static let createDiagnostics = Migration(
        8, "CreateDiagnostics",
        up: [
            """
            CREATE TABLE diagnostics (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                questionnaire_version TEXT NOT NULL,
                association_id TEXT REFERENCES associations (id) ON DELETE CASCADE,
                created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                completed_at BIGINT,
                expires_at BIGINT
            )
            """,
            "CREATE INDEX diagnostics_association ON diagnostics (association_id, created_at)",
            "CREATE INDEX diagnostics_expires ON diagnostics (expires_at)",
            """
            CREATE TABLE diagnostic_answers (
                diagnostic_id TEXT NOT NULL REFERENCES diagnostics (id) ON DELETE CASCADE,
                question_id TEXT NOT NULL,
                option_id TEXT NOT NULL,
                PRIMARY KEY (diagnostic_id, question_id, option_id)
            )
            """,
        ], down: ["DROP TABLE diagnostic_answers", "DROP TABLE diagnostics"])
}
