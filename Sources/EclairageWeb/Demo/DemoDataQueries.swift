import SQLKit

/// Bulk inserts for the demo and benchmark data (a few hundred rows per statement).
enum DemoDataQueries {
    static func insert<Row: Encodable>(_ rows: [Row], into table: String, in sql: any SQLDatabase) async throws {
        for chunk in rows.chunked(200) {
            try await sql.insert(into: table).models(
                chunk, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
            ).run()
        }
    }
}

extension DemoDataQueries {
    struct IDRow: Decodable { let id: String }

    /// The first `count` associations by name (the demo's, in a fresh database).
    static func firstAssociations(_ count: Int, in sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("id").from("associations").orderBy("created_at").orderBy("id").limit(count)
            .rows(IDRow.self).map(\.id)
    }
}
