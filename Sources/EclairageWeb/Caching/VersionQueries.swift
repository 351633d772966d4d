import SQLKit

/// The areas' versions: one row per `DataArea` in `directory_version` (the directory's table, from
/// before the calendar had its own; a row is made by the area's first write, a missing one reads 0).
enum VersionQueries {
    struct Row: Codable {
        let id: Int64
        let version: Int64
    }

    static func all(in sql: any SQLDatabase) async throws -> DataVersions {
        var versions = DataVersions()
        for row in try await sql.select().columns("id", "version").from("directory_version").rows(Row.self) {
            if let area = DataArea(rawValue: row.id) { versions[area] = row.version }
        }
        return versions
    }

    /// Called in the same transaction as every write to the area: caches keyed on it see it at once.
    static func bump(_ area: DataArea, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "directory_version").columns("id", "version")
            .values(SQLBind(area.rawValue), SQLBind(Int64(1)))
            .onConflict(with: ["id"]) {
                $0.set(
                    "version",
                    to: SQLBinaryExpression(SQLColumn("version", table: "directory_version"), .add, SQLBind(Int64(1))))
            }.run()
    }
}
