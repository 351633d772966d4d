extension Migrations {
    /// Mail waits in `outbox` until the scheduler sends it; `scheduled_jobs` remembers when each timed
    /// job last ran. Both are claimed with a lease, so that with several app servers each message and
    /// each run is taken by one of them.
    static let createOutboxAndJobs = Migration(
        15, "CreateOutboxAndJobs",
        up: [
            """
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                attachment_name TEXT,
                attachment_type TEXT,
                attachment_content TEXT,
                created_at BIGINT NOT NULL,
                send_after BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                claimed_until BIGINT,
                sent_at BIGINT,
                failed_at BIGINT,
                last_error TEXT
            )
            """,
            "CREATE INDEX outbox_due ON outbox (sent_at, failed_at, send_after)",
            """
            CREATE TABLE scheduled_jobs (
                name TEXT PRIMARY KEY,
                next_run BIGINT NOT NULL,
                claimed_until BIGINT,
                last_run BIGINT,
                last_error TEXT
            )
            """,
        ], down: ["DROP TABLE scheduled_jobs", "DROP TABLE outbox"])
}
