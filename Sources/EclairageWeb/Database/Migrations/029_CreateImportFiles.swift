extension Migrations {
    /// An uploaded directory file waits here, in parts (base64 text, the same on SQLite and PostgreSQL),
    /// until the scheduler's job checks it: any server of the instance can take the job.
    static let createImportFiles = Migration(
        29, "CreateImportFiles",
        up: [
            """
            CREATE TABLE directory_import_files (
                import_id TEXT NOT NULL,
                part INTEGER NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (import_id, part)
            )
            """
        ],
        down: [
            "DROP TABLE directory_import_files"
        ])
}
