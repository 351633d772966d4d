extension Migrations {
    /// The catalogue's search index: SQLite FTS5, or a PostgreSQL tsvector with a GIN index.
    /// Text is normalised in Swift (lower case, no accents), so neither needs an extension.
    static let createToolSearch = Migration(
        9, "CreateToolSearch",
        up: { kind in
            switch kind {
            case .sqlite:
                ["CREATE VIRTUAL TABLE tool_search USING fts5(slug UNINDEXED, body, tokenize = 'unicode61')"]
            case .postgres:
                [
                    """
                    CREATE TABLE tool_search (
                        slug TEXT PRIMARY KEY,
                        body TEXT NOT NULL,
                        document tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
                    )
                    """,
                    "CREATE INDEX tool_search_document ON tool_search USING GIN (document)",
                ]
            }
        }, down: { _ in ["DROP TABLE tool_search"] })
}
