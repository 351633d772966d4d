extension Migrations {
    /// Sign-ups waiting for their address to be confirmed (only when the site sends mail): the
    /// password is kept hashed, the link's token as its hash.
    static let createSignUpRequests = Migration(
        13, "CreateSignUpRequests",
        up: [
            """
            CREATE TABLE signup_requests (
                token_hash TEXT PRIMARY KEY,
                email TEXT NOT NULL,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                locale TEXT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX signup_requests_expires ON signup_requests (expires_at)",
        ], down: ["DROP TABLE signup_requests"])
}
