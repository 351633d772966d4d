extension Migrations {
    static let createUsers = Migration(
        1, "CreateUsers",
        up: [
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                is_admin INTEGER NOT NULL DEFAULT 0,
                locale TEXT NOT NULL DEFAULT 'fr',
                created_at BIGINT NOT NULL,
                password_changed_at BIGINT NOT NULL
            )
            """
        ], down: ["DROP TABLE users"])
}
