import Logging
import SQLKit

/// Applies and reverts numbered migrations, each in its own transaction, recorded in `schema_migrations`.
public struct Migrator: Sendable {
    let database: Database
    let migrations: [Migration]

    public init(database: Database) {
        self.database = database
        self.migrations = Migrations.all
    }

    struct Applied: Codable { let version: Int }

    public func appliedVersions() async throws -> [Int] {
        try await ensureTable()
        return try await database.read { sql in
            try await sql.select().column("version").from("schema_migrations").orderBy("version")
                .all(decoding: Applied.self).map(\.version)
        }
    }

    public func pendingCount() async throws -> Int {
        let applied = Set(try await appliedVersions())
        return migrations.filter { !applied.contains($0.version) }.count
    }

    /// Applies every pending migration in order; returns the names applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        let applied = Set(try await appliedVersions())
        var names: [String] = []
        for migration in migrations where !applied.contains(migration.version) {
            let kind = database.kind
            try await database.transaction { sql in
                for statement in migration.up(kind) { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Clock.now()))
                    .run()
            }
            names.append(migration.name)
        }
        if !names.isEmpty { await database.reopenConnections() }
        return names
    }

    /// Reverts the last `steps` applied migrations (all of them when `steps` is nil).
    @discardableResult
    public func revert(steps: Int? = nil) async throws -> [String] {
        let applied = try await appliedVersions().reversed()
        var names: [String] = []
        for version in applied.prefix(steps ?? applied.count) {
            guard let migration = migrations.first(where: { $0.version == version }) else { continue }
            let kind = database.kind
            try await database.transaction { sql in
                for statement in migration.down(kind) { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.delete(from: "schema_migrations").where("version", .equal, SQLBind(version)).run()
            }
            names.append(migration.name)
        }
        if !names.isEmpty { await database.reopenConnections() }
        return names
    }

    private func ensureTable() async throws {
        try await database.write { sql in
            try await sql.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """).run()
        }
    }
}
