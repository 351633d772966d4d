extension Migrations {
    /// A support body invites a colleague by e-mail; the person joins only by accepting the link.
    static let createAdvisorInvitations = Migration(
        14, "CreateAdvisorInvitations",
        up: [
            """
            CREATE TABLE advisor_invitations (
                token_hash TEXT PRIMARY KEY,
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                invited_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX advisor_invitations_body ON advisor_invitations (support_body_id)",
        ], down: ["DROP TABLE advisor_invitations"])
}
