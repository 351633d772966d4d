extension Migrations {
    /// The network's editors (an instance role), and the calendar: trainings and workshops organised by
    /// a place of the directory, their sessions (each with its iCalendar sequence and capacity), and
    /// registrations with their waiting list.
    static let createCalendar = Migration(
        21, "CreateCalendar",
        up: [
            "ALTER TABLE users ADD COLUMN is_editor INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE trainings (
                id TEXT PRIMARY KEY,
                place_id TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                kind TEXT NOT NULL,
                themes TEXT NOT NULL,
                location TEXT NOT NULL,
                online_url TEXT,
                created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX trainings_place ON trainings (place_id)",
            """
            CREATE TABLE training_sessions (
                id TEXT PRIMARY KEY,
                training_id TEXT NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
                starts_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL,
                capacity INTEGER NOT NULL,
                sequence INTEGER NOT NULL,
                cancelled INTEGER NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX training_sessions_start ON training_sessions (starts_at)",
            "CREATE INDEX training_sessions_training ON training_sessions (training_id)",
            """
            CREATE TABLE registrations (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
                token TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                status TEXT NOT NULL,
                position BIGINT NOT NULL,
                offered_until BIGINT,
                attended INTEGER,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX registrations_session ON registrations (session_id, status, position)",
            "CREATE INDEX registrations_offers ON registrations (status, offered_until)",
        ],
        down: [
            "DROP TABLE registrations", "DROP TABLE training_sessions", "DROP TABLE trainings",
            "ALTER TABLE users DROP COLUMN is_editor",
        ])
}
