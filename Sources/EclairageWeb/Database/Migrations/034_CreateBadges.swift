extension Migrations {
    /// Open Badges (issue 25): a vetted support body's issuer profile, its badge classes and the awards
    /// (assertions) it makes by e-mail, the trainings an editor assigns to a body for its awards, and
    /// the links an earner asks for by mail to reach their badges. Pictures are kept as base64 text,
    /// the same on both databases. An award keeps the address it was made to (the earner finds it by
    /// it) and its salt; the recipient's hash is computed from both, never stored. A text primary key
    /// is said NOT NULL: SQLite would otherwise take NULL there, which PostgreSQL refuses on restore.
    static let createBadges = Migration(
        34, "CreateBadges",
        up: [
            """
            CREATE TABLE badge_issuers (
                support_body_id TEXT NOT NULL PRIMARY KEY REFERENCES support_bodies (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                url TEXT NOT NULL,
                email TEXT NOT NULL,
                image TEXT NOT NULL,
                image_kind TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE badge_classes (
                id TEXT PRIMARY KEY,
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                criteria TEXT NOT NULL,
                image TEXT NOT NULL,
                image_kind TEXT NOT NULL,
                alignment_name TEXT,
                alignment_url TEXT,
                alignment_framework TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX badge_classes_body ON badge_classes (support_body_id)",
            """
            CREATE TABLE badge_awards (
                id TEXT PRIMARY KEY,
                badge_class_id TEXT NOT NULL REFERENCES badge_classes (id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                salt TEXT NOT NULL,
                issued_at BIGINT NOT NULL,
                training_id TEXT REFERENCES trainings (id) ON DELETE SET NULL,
                awarded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                revoked_at BIGINT,
                revocation_reason TEXT
            )
            """,
            "CREATE INDEX badge_awards_class ON badge_awards (badge_class_id, issued_at)",
            "CREATE INDEX badge_awards_email ON badge_awards (email)",
            """
            CREATE TABLE badge_trainings (
                training_id TEXT NOT NULL PRIMARY KEY REFERENCES trainings (id) ON DELETE CASCADE,
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE badge_earner_links (
                token_hash TEXT NOT NULL PRIMARY KEY,
                email TEXT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
        ],
        down: [
            "DROP TABLE badge_earner_links",
            "DROP TABLE badge_trainings",
            "DROP TABLE badge_awards",
            "DROP TABLE badge_classes",
            "DROP TABLE badge_issuers",
        ])
}
