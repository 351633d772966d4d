extension Migrations {
    /// The directory: places (the national schema's 32 fields, the data·inclusion "structure"), the
    /// services each offers, every change kept with its before and after, imports staged before they
    /// apply, and the version every directory write bumps (the key of exact caches).
    static let createDirectory = Migration(
        20, "CreateDirectory",
        up: [
            """
            CREATE TABLE places (
                id TEXT PRIMARY KEY,
                external_id TEXT UNIQUE,
                status TEXT NOT NULL,
                name TEXT NOT NULL,
                pivot TEXT,
                commune TEXT NOT NULL,
                postcode TEXT NOT NULL,
                insee TEXT,
                departement TEXT,
                address TEXT NOT NULL,
                address_extra TEXT,
                latitude DOUBLE PRECISION,
                longitude DOUBLE PRECISION,
                kinds TEXT NOT NULL,
                phone TEXT,
                emails TEXT NOT NULL,
                websites TEXT NOT NULL,
                opening_hours TEXT,
                summary TEXT,
                details TEXT,
                source TEXT,
                parent TEXT,
                updated_on TEXT NOT NULL,
                services TEXT NOT NULL,
                audiences TEXT NOT NULL,
                specific_support TEXT NOT NULL,
                fees TEXT NOT NULL,
                itinerance TEXT NOT NULL,
                access_modes TEXT NOT NULL,
                support_modes TEXT NOT NULL,
                accessibility_url TEXT,
                booking_url TEXT,
                labels TEXT NOT NULL,
                other_labels TEXT NOT NULL,
                programmes TEXT NOT NULL,
                support_body_id TEXT REFERENCES support_bodies (id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX places_status_departement ON places (status, departement)",
            """
            CREATE TABLE place_services (
                place_id TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                theme TEXT,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                PRIMARY KEY (place_id, position)
            )
            """,
            """
            CREATE TABLE place_changes (
                id TEXT PRIMARY KEY,
                place_id TEXT NOT NULL,
                changed_at BIGINT NOT NULL,
                changed_by TEXT NOT NULL,
                origin TEXT NOT NULL,
                before_json TEXT,
                after_json TEXT NOT NULL
            )
            """,
            "CREATE INDEX place_changes_place ON place_changes (place_id, changed_at)",
            """
            CREATE TABLE directory_imports (
                id TEXT PRIMARY KEY,
                file_name TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                status TEXT NOT NULL,
                encoding TEXT NOT NULL,
                separator TEXT NOT NULL,
                total_rows INTEGER NOT NULL,
                valid_rows INTEGER NOT NULL,
                corrected_rows INTEGER NOT NULL,
                applied_rows INTEGER NOT NULL,
                applied_line INTEGER NOT NULL,
                applied_at BIGINT
            )
            """,
            """
            CREATE TABLE directory_import_rows (
                import_id TEXT NOT NULL REFERENCES directory_imports (id) ON DELETE CASCADE,
                line INTEGER NOT NULL,
                external_id TEXT,
                record_json TEXT,
                problems_json TEXT NOT NULL,
                notes_json TEXT NOT NULL,
                PRIMARY KEY (import_id, line)
            )
            """,
            "CREATE TABLE directory_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
            "INSERT INTO directory_version (id, version) VALUES (1, 1)",
        ],
        down: [
            "DROP TABLE directory_version", "DROP TABLE directory_import_rows", "DROP TABLE directory_imports",
            "DROP TABLE place_changes", "DROP TABLE place_services", "DROP TABLE places",
        ])
}
