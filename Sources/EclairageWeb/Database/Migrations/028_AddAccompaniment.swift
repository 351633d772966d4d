extension Migrations {
    /// The accompaniment: support bodies vetted before associations can find them; what each grant
    /// shares and the help asked with it; a body's request for access; the advisors' notes; and the
    /// action plan, which grows out of the steps associations already kept (`saved_steps` becomes
    /// `plan_steps`, its rows kept as the plan's first steps, still "à faire").
    static let addAccompaniment = Migration(
        28, "AddAccompaniment",
        up: [
            // Bodies that exist before vetting stay usable by the associations that granted them and
            // wait in the queue: `pending` until an administrator or an editor decides.
            "ALTER TABLE support_bodies ADD COLUMN vetting TEXT NOT NULL DEFAULT 'pending'",
            "ALTER TABLE support_bodies ADD COLUMN vetted_at BIGINT",
            "ALTER TABLE support_bodies ADD COLUMN vetting_note TEXT NOT NULL DEFAULT ''",
            // Existing grants keep what they gave: everything but the inventory, which followed the
            // association's own switch.
            "ALTER TABLE access_grants ADD COLUMN shares_plan INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE access_grants ADD COLUMN shares_inventory INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE access_grants ADD COLUMN message TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE access_grants ADD COLUMN seen_at BIGINT",
            """
            UPDATE access_grants SET shares_inventory = 1
            WHERE association_id IN (SELECT id FROM associations WHERE shares_inventory = 1)
            """,
            "UPDATE access_grants SET seen_at = granted_at",
            """
            CREATE TABLE access_requests (
                id TEXT PRIMARY KEY,
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                requested_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                requester_name TEXT NOT NULL,
                message TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                UNIQUE (support_body_id, association_id)
            )
            """,
            "CREATE INDEX access_requests_association ON access_requests (association_id)",
            "ALTER TABLE access_log ADD COLUMN body_name TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX access_log_user ON access_log (user_id, at)",
            """
            CREATE TABLE advisor_notes (
                id TEXT PRIMARY KEY,
                association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
                support_body_id TEXT NOT NULL REFERENCES support_bodies (id) ON DELETE CASCADE,
                author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
                author_name TEXT NOT NULL,
                noted_on TEXT NOT NULL,
                text TEXT NOT NULL,
                internal INTEGER NOT NULL DEFAULT 0,
                minutes INTEGER,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX advisor_notes_association ON advisor_notes (association_id, noted_on)",
            "ALTER TABLE saved_steps RENAME TO plan_steps",
            "ALTER TABLE plan_steps ADD COLUMN status TEXT NOT NULL DEFAULT 'todo'",
            "ALTER TABLE plan_steps ADD COLUMN detail TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE plan_steps ADD COLUMN owner_name TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE plan_steps ADD COLUMN due_on TEXT",
            "ALTER TABLE plan_steps ADD COLUMN closing_note TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE plan_steps ADD COLUMN estimate_hours INTEGER",
            "ALTER TABLE plan_steps ADD COLUMN estimate_euros INTEGER",
            "ALTER TABLE plan_steps ADD COLUMN volunteer_minutes INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE plan_steps ADD COLUMN advisor_minutes INTEGER NOT NULL DEFAULT 0",
            // The body whose advisor proposed the step (no foreign key: the step outlives the body).
            "ALTER TABLE plan_steps ADD COLUMN proposed_by TEXT",
            "ALTER TABLE plan_steps ADD COLUMN accepted INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE plan_steps ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE plan_steps ADD COLUMN closed_at BIGINT",
            // The questionnaire's theme a step works on, so the next diagnostic can say what moved it.
            "ALTER TABLE plan_steps ADD COLUMN theme TEXT",
            // When the association was reminded of a step that had not moved (archived a month later).
            "ALTER TABLE plan_steps ADD COLUMN reminded_at BIGINT",
            "UPDATE plan_steps SET updated_at = created_at",
            "CREATE INDEX plan_steps_association ON plan_steps (association_id, status)",
            // The hourly rate the association values its volunteers' time at, and the rule it follows.
            "ALTER TABLE associations ADD COLUMN volunteer_rate_cents INTEGER",
            "ALTER TABLE associations ADD COLUMN volunteer_rate_rule TEXT NOT NULL DEFAULT ''",
        ],
        down: [
            "ALTER TABLE associations DROP COLUMN volunteer_rate_rule",
            "ALTER TABLE associations DROP COLUMN volunteer_rate_cents",
            "DROP INDEX plan_steps_association",
            "DELETE FROM plan_steps WHERE accepted = 0 OR kind = 'own'",
            "ALTER TABLE plan_steps DROP COLUMN reminded_at",
            "ALTER TABLE plan_steps DROP COLUMN theme",
            "ALTER TABLE plan_steps DROP COLUMN closed_at",
            "ALTER TABLE plan_steps DROP COLUMN updated_at",
            "ALTER TABLE plan_steps DROP COLUMN accepted",
            "ALTER TABLE plan_steps DROP COLUMN proposed_by",
            "ALTER TABLE plan_steps DROP COLUMN advisor_minutes",
            "ALTER TABLE plan_steps DROP COLUMN volunteer_minutes",
            "ALTER TABLE plan_steps DROP COLUMN estimate_euros",
            "ALTER TABLE plan_steps DROP COLUMN estimate_hours",
            "ALTER TABLE plan_steps DROP COLUMN closing_note",
            "ALTER TABLE plan_steps DROP COLUMN due_on",
            "ALTER TABLE plan_steps DROP COLUMN owner_name",
            "ALTER TABLE plan_steps DROP COLUMN detail",
            "ALTER TABLE plan_steps DROP COLUMN status",
            "ALTER TABLE plan_steps RENAME TO saved_steps",
            "DROP TABLE advisor_notes",
            "DROP INDEX access_log_user",
            "ALTER TABLE access_log DROP COLUMN body_name",
            "DROP TABLE access_requests",
            "ALTER TABLE access_grants DROP COLUMN seen_at",
            "ALTER TABLE access_grants DROP COLUMN message",
            "ALTER TABLE access_grants DROP COLUMN shares_inventory",
            "ALTER TABLE access_grants DROP COLUMN shares_plan",
            "ALTER TABLE support_bodies DROP COLUMN vetting_note",
            "ALTER TABLE support_bodies DROP COLUMN vetted_at",
            "ALTER TABLE support_bodies DROP COLUMN vetting",
        ])
}
