extension Migrations {
    /// A place's managers (issue 22): accounts an editor links to the place, or that confirm through
    /// the place's edit link. They organise the place's trainings and see their registrants, as the
    /// network's editors do, for this place only. `origin` says how the link was made (`editor`, `link`).
    static let createPlaceManagers = Migration(
        37, "CreatePlaceManagers",
        up: [
            """
            CREATE TABLE place_managers (
                place_id TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                origin TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (place_id, user_id)
            )
            """,
            "CREATE INDEX place_managers_user ON place_managers (user_id)",
        ],
        down: ["DROP TABLE place_managers"])
}
