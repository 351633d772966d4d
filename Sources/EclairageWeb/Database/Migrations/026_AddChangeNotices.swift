extension Migrations {
    /// When the editors' digest listed a pending change (one digest per quarter hour lists every change
    /// not yet announced), and why a change was closed without an editor's decision on it (`restored`:
    /// an earlier state of the listing was restored while it waited).
    static let addChangeNotices = Migration(
        26, "AddChangeNotices",
        up: [
            "ALTER TABLE place_changes ADD COLUMN notified_at BIGINT",
            "ALTER TABLE place_changes ADD COLUMN reason TEXT",
        ],
        down: [
            "ALTER TABLE place_changes DROP COLUMN reason",
            "ALTER TABLE place_changes DROP COLUMN notified_at",
        ])
}
