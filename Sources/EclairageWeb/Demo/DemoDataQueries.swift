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
