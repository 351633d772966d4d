extension Migrations {
    /// Live workshop rooms for a training session: the room (join code, whether joins need approval,
    /// what the facilitator shows, a version raised by every change that live screens follow), its
    /// agenda, participants (a name and the SHA-256 of their cookie's token, no account), the topic
    /// vote's options and ballots, raised hands and the turns they became, and the facilitator's
    /// overrides. When a room closes the names are blanked; the rows go a month later.
    static let createWorkshopRooms = Migration(
        35, "CreateWorkshopRooms",
        up: [
            """
            CREATE TABLE workshop_rooms (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
                code TEXT NOT NULL UNIQUE,
                created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                approval INTEGER NOT NULL,
                reminder INTEGER NOT NULL,
                current_item TEXT,
                speaking_hand TEXT,
                timer_seconds INTEGER,
                vote_question TEXT,
                vote_open INTEGER NOT NULL,
                version BIGINT NOT NULL,
                summary TEXT,
                closed_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX workshop_rooms_session ON workshop_rooms (session_id)",
            """
            CREATE TABLE workshop_agenda_items (
                id TEXT PRIMARY KEY,
                room_id TEXT NOT NULL REFERENCES workshop_rooms (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                starts_minute INTEGER NOT NULL,
                ends_minute INTEGER NOT NULL
            )
            """,
            "CREATE INDEX workshop_agenda_items_room ON workshop_agenda_items (room_id)",
            """
            CREATE TABLE workshop_participants (
                id TEXT PRIMARY KEY,
                room_id TEXT NOT NULL REFERENCES workshop_rooms (id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                turns INTEGER NOT NULL,
                replies INTEGER NOT NULL,
                joined_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX workshop_participants_room ON workshop_participants (room_id)",
            """
            CREATE TABLE workshop_vote_options (
                id TEXT PRIMARY KEY,
                room_id TEXT NOT NULL REFERENCES workshop_rooms (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                label TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE workshop_ballots (
                room_id TEXT NOT NULL REFERENCES workshop_rooms (id) ON DELETE CASCADE,
                participant_id TEXT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
                option_id TEXT NOT NULL REFERENCES workshop_vote_options (id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (room_id, participant_id)
            )
            """,
            """
            CREATE TABLE workshop_hands (
                id TEXT PRIMARY KEY,
                room_id TEXT NOT NULL REFERENCES workshop_rooms (id) ON DELETE CASCADE,
                participant_id TEXT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                raised_at BIGINT NOT NULL,
                moved_at BIGINT,
                started_at BIGINT,
                done_at BIGINT
            )
            """,
            "CREATE INDEX workshop_hands_room ON workshop_hands (room_id, done_at)",
            """
            CREATE TABLE workshop_overrides (
                id TEXT PRIMARY KEY,
                room_id TEXT NOT NULL REFERENCES workshop_rooms (id) ON DELETE CASCADE,
                participant_id TEXT,
                action TEXT NOT NULL,
                created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ],
        down: [
            "DROP TABLE workshop_overrides", "DROP TABLE workshop_hands", "DROP TABLE workshop_ballots",
            "DROP TABLE workshop_vote_options", "DROP TABLE workshop_participants", "DROP TABLE workshop_agenda_items",
            "DROP TABLE workshop_rooms",
        ])
}
