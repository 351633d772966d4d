extension Migrations {
    /// What the observatory publishes, worked out from `observatory_records` by a job whenever a year
    /// has new records (`ObservatoryCube`): every cell of every territory and period of a year, its
    /// figure or why it is hidden; the years and whether they wait for the job; the territories the
    /// network makes public.
    static let createObservatoryCube = Migration(
        31, "CreateObservatoryCube",
        up: [
            """
            CREATE TABLE observatory_cells (
                year INTEGER NOT NULL,
                territory TEXT NOT NULL,
                period TEXT NOT NULL,
                table_name TEXT NOT NULL,
                category TEXT NOT NULL,
                shown_count BIGINT,
                mean DOUBLE PRECISION,
                spread DOUBLE PRECISION,
                reason TEXT,
                PRIMARY KEY (territory, period, table_name, category)
            )
            """,
            "CREATE INDEX observatory_cells_year ON observatory_cells (year)",
            """
            CREATE TABLE observatory_years (
                year INTEGER PRIMARY KEY,
                pending INTEGER NOT NULL,
                built_at BIGINT
            )
            """,
            """
            CREATE TABLE observatory_publications (
                territory TEXT PRIMARY KEY,
                published_at BIGINT NOT NULL,
                published_by TEXT REFERENCES users (id) ON DELETE SET NULL
            )
            """,
        ],
        down: [
            "DROP TABLE observatory_publications", "DROP TABLE observatory_years", "DROP TABLE observatory_cells",
        ])
}
