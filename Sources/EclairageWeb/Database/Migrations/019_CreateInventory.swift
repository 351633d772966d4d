extension Migrations {
    /// The association's digital inventory (assets, who holds each, reminders already sent), its
    /// handovers, GDPR register and breach log; and whether it shares them with its advisors.
    static let createInventory = Migration(
        19, "CreateInventory",
        up: [
            "ALTER TABLE associations ADD COLUMN shares_inventory INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE assets (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                provider TEXT NOT NULL,
                owner TEXT NOT NULL,
                owner_name TEXT NOT NULL,
                credentials_place TEXT NOT NULL,
                second_factor TEXT NOT NULL,
                recovery_codes_place TEXT NOT NULL,
                recovery_asset_id TEXT,
                recovery_personal INTEGER NOT NULL,
                expires_on TEXT,
                cost TEXT NOT NULL,
                data_location TEXT,
                checked_on TEXT,
                year INTEGER,
                refurbished INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX assets_association ON assets (association_id)",
            """
            CREATE TABLE asset_holders (
                asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
                PRIMARY KEY (asset_id, position)
            )
            """,
            """
            CREATE TABLE asset_reminders (
                asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
                expires_on TEXT NOT NULL,
                threshold INTEGER NOT NULL,
                sent_at BIGINT NOT NULL,
                PRIMARY KEY (asset_id, expires_on, threshold)
            )
            """,
            """
            CREATE TABLE handovers (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                started_by TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                completed_by TEXT,
                completed_at BIGINT
            )
            """,
            """
            CREATE TABLE handover_items (
                handover_id TEXT NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                asset_name TEXT NOT NULL,
                action TEXT NOT NULL,
                ticked_by TEXT,
                ticked_at BIGINT,
                PRIMARY KEY (handover_id, position)
            )
            """,
            """
            CREATE TABLE processing_activities (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                purpose TEXT NOT NULL,
                legal_basis TEXT NOT NULL,
                people TEXT NOT NULL,
                data TEXT NOT NULL,
                recipients TEXT NOT NULL,
                retention TEXT NOT NULL,
                security TEXT NOT NULL,
                asset_ids TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE breaches (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                discovered_at BIGINT NOT NULL,
                nature TEXT NOT NULL,
                people TEXT NOT NULL,
                records TEXT NOT NULL,
                consequences TEXT NOT NULL,
                measures TEXT NOT NULL,
                contact TEXT NOT NULL,
                risk TEXT NOT NULL,
                notified_on TEXT,
                recorded_by TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ],
        down: [
            "DROP TABLE breaches", "DROP TABLE processing_activities", "DROP TABLE handover_items",
            "DROP TABLE handovers",
            "DROP TABLE asset_reminders", "DROP TABLE asset_holders", "DROP TABLE assets",
            "ALTER TABLE associations DROP COLUMN shares_inventory",
        ])
}
