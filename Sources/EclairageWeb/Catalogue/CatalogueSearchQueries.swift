import EclairageDomain
import SQLKit

/// Full-text search over the catalogue, through the database's own engine.
enum CatalogueSearchQueries {
    /// Rebuilds the index from the loaded catalogue (at start; content may have changed).
    static func refresh(_ catalogue: Catalogue, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "tool_search").run()
        for tool in catalogue.tools {
            try await sql.insert(into: "tool_search").columns("slug", "body")
                .values(SQLBind(tool.slug), SQLBind(SearchText.document(for: tool, in: catalogue))).run()
        }
    }

    private struct Hit: Decodable { let slug: String }

    /// Slugs matching every word (as a prefix), best first. Words are letters and digits only.
    static func search(_ tokens: [String], kind: Database.Kind, in sql: any SQLDatabase) async throws -> [String] {
        guard !tokens.isEmpty else { return [] }
        switch kind {
        case .sqlite:
            let match = tokens.map { "\"\($0)\"*" }.joined(separator: " ")
            return try await sql.raw(
                "SELECT slug FROM tool_search WHERE tool_search MATCH \(bind: match) ORDER BY bm25(tool_search) LIMIT 200"
            )
            .all(decoding: Hit.self).map(\.slug)
        case .postgres:
            let query = tokens.map { "\($0):*" }.joined(separator: " & ")
            return try await sql.raw(
                "SELECT slug FROM tool_search WHERE document @@ to_tsquery('simple', \(bind: query)) ORDER BY ts_rank(document, to_tsquery('simple', \(bind: query))) DESC, slug LIMIT 200"
            )
            .all(decoding: Hit.self).map(\.slug)
        }
    }
}
