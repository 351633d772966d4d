extension Migrations {
    /// A registration's link is stored as its SHA-256, like every other link: the column is renamed, and
    /// `WaitingListJob.hashClearLinks` replaces each link still in clear by its hash (SQLite has no SHA-256
    /// in SQL), so the links already mailed keep working. Reverting keeps the hashes (those links then open nothing).
    static let hashRegistrationLinks = Migration(
        25, "HashRegistrationLinks",
        up: [
            "ALTER TABLE registrations RENAME COLUMN token TO token_hash"
        ],
        down: [
            "ALTER TABLE registrations RENAME COLUMN token_hash TO token"
        ])
}
