extension Migrations {
    /// Field surveys the network puts to the associations of its territory, and their answers. A
    /// survey written as a data file is kept under its file's name (`source`); one written in the
    /// form has none. One answer per respondent: an association (`respondent` is its id) or a browser
    /// (the SHA-256 of the cookie's token). Choices and free texts are stored apart, so that what the
    /// aggregates read never holds text.
    static let createSurveys = Migration(
        32, "CreateSurveys",
        up: [
            """
            CREATE TABLE surveys (
                id TEXT PRIMARY KEY,
                token TEXT NOT NULL UNIQUE,
                source TEXT UNIQUE,
                definition TEXT NOT NULL,
                opens_at BIGINT NOT NULL,
                closes_at BIGINT NOT NULL,
                created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE survey_responses (
                id TEXT PRIMARY KEY,
                survey_id TEXT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
                respondent TEXT NOT NULL,
                association_id TEXT REFERENCES associations (id) ON DELETE SET NULL,
                departement TEXT NOT NULL,
                choices TEXT NOT NULL,
                texts TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (survey_id, respondent)
            )
            """,
        ],
        down: [
            "DROP TABLE survey_responses",
            "DROP TABLE surveys",
        ])
}
