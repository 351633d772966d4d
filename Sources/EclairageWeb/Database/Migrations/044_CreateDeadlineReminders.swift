extension Migrations {
    /// The association's deadlines (issue 23, beyond the anchors) are derived, not stored; only the
    /// reminders sent are, one row per deadline and threshold, so a restart neither loses nor repeats one.
    static let createDeadlineReminders = Migration(
        44, "CreateDeadlineReminders",
        up: [
            """
            CREATE TABLE deadline_reminders (
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                reference TEXT NOT NULL,
                threshold INTEGER NOT NULL,
                sent_at BIGINT NOT NULL,
                PRIMARY KEY (association_id, reference, threshold)
            )
            """
        ],
        down: ["DROP TABLE deadline_reminders"])
}
