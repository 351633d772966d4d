extension Migrations {
    /// What the observatory counts: one row per completed diagnostic, written when its overall level
    /// becomes known. Figures and tags only (`ObservatoryRecord`): when an anonymous diagnostic expires
    /// or an association is deleted, the row stays without the link.
    static let createObservatoryRecords = Migration(
        30, "CreateObservatoryRecords",
        up: [
            """
            CREATE TABLE observatory_records (
                id TEXT PRIMARY KEY,
                diagnostic_id TEXT UNIQUE REFERENCES diagnostics (id) ON DELETE SET NULL,
                association_id TEXT REFERENCES associations (id) ON DELETE SET NULL,
                month TEXT NOT NULL,
                departement TEXT,
                size_band TEXT,
                questionnaire_version TEXT NOT NULL,
                overall INTEGER NOT NULL,
                level TEXT NOT NULL,
                scores TEXT NOT NULL,
                tags TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX observatory_records_month ON observatory_records (month, departement)",
            "CREATE INDEX observatory_records_association ON observatory_records (association_id, month)",
        ],
        down: [
            "DROP TABLE observatory_records"
        ])
}
