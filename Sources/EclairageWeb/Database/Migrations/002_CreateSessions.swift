extension Migrations {
    /// Sessions live in the database so several app servers can share them.
    static let createSessions = Migration(
        2, "CreateSessions",
        up: [
            "CREATE TABLE sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at BIGINT)",
            "CREATE INDEX sessions_expires_at ON sessions (expires_at)",
        ], down: ["DROP TABLE sessions"])
}
