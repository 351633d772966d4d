extension Migrations {
    /// Reset links: only a hash of the token is stored, so a database leak gives no usable link.
    static let createPasswordResets = Migration(
        7, "CreatePasswordResets",
        up: [
            """
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            )
            """
        ], down: ["DROP TABLE password_resets"])
}
