extension Migrations {
    /// Next steps a member kept from a report, for the action plan to come.
    static let createSavedSteps = Migration(
        10, "CreateSavedSteps",
        up: [
            """
            CREATE TABLE saved_steps (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                diagnostic_id TEXT REFERENCES diagnostics (id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                reference TEXT NOT NULL,
                title TEXT NOT NULL,
                created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (association_id, kind, reference)
            )
            """
        ], down: ["DROP TABLE saved_steps"])
}
