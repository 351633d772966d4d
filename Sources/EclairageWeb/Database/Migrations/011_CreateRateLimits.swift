extension Migrations {
    /// One counter per limited subject (fixed window), replacing the list of failed sign-ins: an
    /// upsert on it counts an attempt atomically, on SQLite and PostgreSQL alike.
    static let createRateLimits = Migration(
        11, "CreateRateLimits",
        up: [
            "CREATE TABLE rate_limits (subject TEXT PRIMARY KEY, window_start BIGINT NOT NULL, hits INTEGER NOT NULL)",
            "CREATE INDEX rate_limits_window ON rate_limits (window_start)",
            "DROP TABLE login_attempts",
        ],
        down: [
            "CREATE TABLE login_attempts (subject TEXT NOT NULL, attempted_at BIGINT NOT NULL)",
            "CREATE INDEX login_attempts_subject ON login_attempts (subject, attempted_at)",
            "DROP TABLE rate_limits",
        ])
}
