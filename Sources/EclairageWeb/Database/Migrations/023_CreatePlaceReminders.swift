extension Migrations {
    /// Reminders sent to places whose listing is about to go stale (one per listing date).
    static let createPlaceReminders = Migration(
        23, "CreatePlaceReminders",
        up: [
            """
            CREATE TABLE place_reminders (
                place_id TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
                updated_on TEXT NOT NULL,
                sent_at BIGINT NOT NULL,
                PRIMARY KEY (place_id, updated_on)
            )
            """
        ], down: ["DROP TABLE place_reminders"])
}
