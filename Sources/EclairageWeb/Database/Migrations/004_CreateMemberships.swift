extension Migrations {
    static let createMemberships = Migration(
        4, "CreateMemberships",
        up: [
            """
            CREATE TABLE memberships (
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                joined_at BIGINT NOT NULL,
                PRIMARY KEY (association_id, user_id)
            )
            """,
            "CREATE INDEX memberships_user ON memberships (user_id)",
            """
            CREATE TABLE invitations (
                token_hash TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
        ], down: ["DROP TABLE invitations", "DROP TABLE memberships"])
}
