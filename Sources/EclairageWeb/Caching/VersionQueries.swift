import SQLKit

/// The areas' versions: one row per `DataArea` in `directory_version` (the directory's table, from
/// before the calendar had its own; a row is made by the area's first write, a missing one reads 0).
enum VersionQueries {
    /// Read by every public page: its two columns are taken by name, not through a `Codable` row (whose
    /// decoding was 3 % of a cached page's CPU, more than the cache's own work).
    static func all(in sql: any SQLDatabase) async throws -> DataVersions {
        var versions = DataVersions()
        for row in try await sql.select().columns("id", "version").from("directory_version").all() {
            if let area = DataArea(rawValue: try row.decode(column: "id", as: Int64.self)) {
                versions[area] = try row.decode(column: "version", as: Int64.self)
            }
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
