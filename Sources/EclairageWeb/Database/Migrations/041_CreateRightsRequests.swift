extension Migrations {
    /// The log of people's requests to exercise their rights (arts. 15–21), with its one-month clock
    /// (issue 23, item 8), and the reminders already sent for each due day.
    static let createRightsRequests = Migration(
        41, "CreateRightsRequests",
        up: [
            """
            CREATE TABLE rights_requests (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                received_on TEXT NOT NULL,
                requester TEXT NOT NULL,
                details TEXT NOT NULL,
                identity_checked INTEGER NOT NULL,
                extension_reasons TEXT NOT NULL,
                answered_on TEXT,
                outcome TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX rights_requests_association ON rights_requests (association_id)",
            """
            CREATE TABLE rights_request_reminders (
                request_id TEXT NOT NULL REFERENCES rights_requests (id) ON DELETE CASCADE,
                due_on TEXT NOT NULL,
                threshold INTEGER NOT NULL,
                sent_at BIGINT NOT NULL,
                PRIMARY KEY (request_id, due_on, threshold)
            )
            """,
        ],
        down: ["DROP TABLE rights_request_reminders", "DROP TABLE rights_requests"])
}
