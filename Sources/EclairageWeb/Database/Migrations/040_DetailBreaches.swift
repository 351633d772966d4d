extension Migrations {
    /// The breach log as art. 33 asks (issue 23, item 8): when the breach started, how it was found, its
    /// kind (each with its own advice) and cause, whether the people were told, the reasons for a
    /// notification past 72 hours and the reasons for not notifying. Breaches logged before keep every
    /// field; their kind is empty, read as "other".
    static let detailBreaches = Migration(
        40, "DetailBreaches",
        up: [
            "ALTER TABLE breaches ADD COLUMN started_at BIGINT",
            "ALTER TABLE breaches ADD COLUMN found_how TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE breaches ADD COLUMN kind TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE breaches ADD COLUMN cause TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE breaches ADD COLUMN people_told TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE breaches ADD COLUMN delay_reasons TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE breaches ADD COLUMN no_notify_reasons TEXT NOT NULL DEFAULT ''",
        ],
        down: [
            "ALTER TABLE breaches DROP COLUMN no_notify_reasons", "ALTER TABLE breaches DROP COLUMN delay_reasons",
            "ALTER TABLE breaches DROP COLUMN people_told", "ALTER TABLE breaches DROP COLUMN cause",
            "ALTER TABLE breaches DROP COLUMN kind", "ALTER TABLE breaches DROP COLUMN found_how",
            "ALTER TABLE breaches DROP COLUMN started_at",
        ])
}
