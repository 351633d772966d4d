extension Migrations {
    /// Every read of an association's data by an advisor: the association sees who looked, and when.
    static let createAccessLog = Migration(
        16, "CreateAccessLog",
        up: [
            """
            CREATE TABLE access_log (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
                display_name TEXT NOT NULL,
                what TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX access_log_association ON access_log (association_id, at)",
        ], down: ["DROP TABLE access_log"])
}
