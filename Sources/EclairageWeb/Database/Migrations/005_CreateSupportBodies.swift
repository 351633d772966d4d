extension Migrations {
    /// Support bodies ("structures d'accompagnement"), their advisors, and the access associations grant them.
    static let createSupportBodies = Migration(
        5, "CreateSupportBodies",
        up: [
            """
            CREATE TABLE support_bodies (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                departement TEXT,
                description TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE advisors (
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                added_at BIGINT NOT NULL,
                PRIMARY KEY (support_body_id, user_id)
            )
            """,
            "CREATE INDEX advisors_user ON advisors (user_id)",
            """
            CREATE TABLE access_grants (
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE,
                granted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                granted_at BIGINT NOT NULL,
                PRIMARY KEY (association_id, support_body_id)
            )
            """,
            "CREATE INDEX access_grants_body ON access_grants (support_body_id)",
        ], down: ["DROP TABLE access_grants", "DROP TABLE advisors", "DROP TABLE support_bodies"])
}
