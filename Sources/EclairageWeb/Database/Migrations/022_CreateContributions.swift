extension Migrations {
    /// Contributions to the directory: a change can wait for the editors (`pending`), be applied or
    /// refused; links that let a place edit its own listing without an account.
    static let createContributions = Migration(
        22, "CreateContributions",
        up: [
            "ALTER TABLE place_changes ADD COLUMN status TEXT NOT NULL DEFAULT 'applied'",
            "ALTER TABLE place_changes ADD COLUMN contact TEXT",
            "ALTER TABLE place_changes ADD COLUMN reviewed_by TEXT",
            "ALTER TABLE place_changes ADD COLUMN reviewed_at BIGINT",
            "CREATE INDEX place_changes_status ON place_changes (status, changed_at)",
            """
            CREATE TABLE place_links (
                token_hash TEXT PRIMARY KEY,
                place_id TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
        ],
        down: [
            "DROP TABLE place_links", "DROP INDEX place_changes_status",
            "ALTER TABLE place_changes DROP COLUMN reviewed_at", "ALTER TABLE place_changes DROP COLUMN reviewed_by",
            "ALTER TABLE place_changes DROP COLUMN contact", "ALTER TABLE place_changes DROP COLUMN status",
        ])
}
