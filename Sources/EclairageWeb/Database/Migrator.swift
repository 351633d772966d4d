import Logging
import SQLKit

/// Applies and reverts numbered migrations, recorded in `schema_migrations`.
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
        return try await database.read { try await Self.versions(in: $0) }
    }

    public func pendingCount() async throws -> Int {
        let applied = Set(try await appliedVersions())
        return migrations.filter { !applied.contains($0.version) }.count
    }

    /// Applies every pending migration in order, all in one transaction; returns the names applied.
    /// On PostgreSQL the transaction first takes an advisory lock, so that app servers starting
    /// together apply each migration once: the others wait, then find nothing left to do.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = migrations
        let kind = database.kind
        let names = try await database.transaction { sql -> [String] in
            try await Self.lock(kind, in: sql)
            let applied = Set(try await Self.versions(in: sql))
            var names: [String] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.up(kind) { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(TimeSource.system.now()))
                    .run()
                names.append(migration.name)
            }
            return names
        }
        if !names.isEmpty { database.reopenConnections() }
        return names
    }

    /// Reverts the last `steps` applied migrations (all of them when `steps` is nil), in one transaction.
    @discardableResult
    public func revert(steps: Int? = nil) async throws -> [String] {
        let migrations = migrations
        let kind = database.kind
        let names = try await database.transaction { sql -> [String] in
            try await Self.lock(kind, in: sql)
            let applied = try await Self.versions(in: sql).reversed()
            var names: [String] = []
            for version in applied.prefix(steps ?? applied.count) {
                guard let migration = migrations.first(where: { $0.version == version }) else { continue }
                for statement in migration.down(kind) { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.delete(from: "schema_migrations").where("version", .equal, SQLBind(version)).run()
                names.append(migration.name)
            }
            return names
        }
        if !names.isEmpty { database.reopenConnections() }
        return names
    }

    /// An arbitrary, fixed key for PostgreSQL's transaction-scoped advisory lock. SQLite's
    /// `BEGIN IMMEDIATE` already lets one writer in at a time. The table is created under the lock.
    static let lockKey: Int64 = 0x4563_6c61_6972

    private static func lock(_ kind: Database.Kind, in sql: any SQLDatabase) async throws {
        if kind == .postgres { try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockKey))").run() }
        try await sql.raw(createTable).run()
    }

    private static func versions(in sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("version").from("schema_migrations").orderBy("version")
            .all(decoding: Applied.self).map(\.version)
    }

    static let createTable: SQLQueryString = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
        """

    private func ensureTable() async throws {
        let kind = database.kind
        try await database.write { try await Self.lock(kind, in: $0) }
    }
}
