extension Migrations {
    /// A number per account, raised at each password change: a session remembers the number it was
    /// opened under and ends when they differ. Exact, where comparing seconds was not.
    static let addSessionGeneration = Migration(
        12, "AddSessionGeneration",
        up: [
            "ALTER TABLE users ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0"
        ], down: ["ALTER TABLE users DROP COLUMN session_generation"])
}
