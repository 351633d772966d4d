extension Migrations {
    /// Failed sign-ins, per account and per address, kept in the database so every app server sees them.
    static let createLoginAttempts = Migration(
        6, "CreateLoginAttempts",
        up: [
            "CREATE TABLE login_attempts (subject TEXT NOT NULL, attempted_at BIGINT NOT NULL)",
            "CREATE INDEX login_attempts_subject ON login_attempts (subject, attempted_at)",
        ], down: ["DROP TABLE login_attempts"])
}
