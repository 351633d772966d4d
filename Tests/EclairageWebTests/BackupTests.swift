import Foundation
import SQLKit
import Testing

@testable import EclairageWeb

/// Backups hold every table by construction: the tables come from the migrated schema, minus those
/// `Backup.leftOut` names with a reason. Rows are generated from the schema too, so a table a new
/// migration adds is filled, backed up and compared here without this file changing.
@Suite("Backup: every table, by construction")
struct BackupTests {
    static func file() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID()).json").path
    }

    static var cleared: Set<String> {
        Set(Backup.leftOut.compactMap { if case .cleared = $0.value { $0.key } else { nil } })
    }
    static var kept: Set<String> { Set(Backup.leftOut.compactMap { if case .kept = $0.value { $0.key } else { nil } }) }

    /// Rows of every table (left-out ones included, so that a restore can be seen to empty them).
    static func everything(_ database: Database) async throws -> [String: [[String: Backup.Value]]] {
        let kind = database.kind
        return try await database.read { sql in
            var all: [String: [[String: Backup.Value]]] = [:]
            for table in try await Schema.read(kind: kind, in: sql).tables where !kept.contains(table.name) {
                all[table.name] = try await Backup.rows(of: table, in: sql)
            }
            return all
        }
    }

    @Test(
        "Generated rows in every table: backup, wipe, restore give every table back row by row; the instance's own tables are emptied"
    )
    func everyTable() async throws {
        try await TestDatabase.with { database, _ in
            // setup
            try await Migrator(database: database).migrate()
            try await GeneratedRows.fill(database, skipping: Self.kept)
            let before = try await Self.everything(database)
            for (table, rows) in before { #expect(rows.count >= 1, "no generated row in \(table)") }
            let file = Self.file()
            defer { try? FileManager.default.removeItem(atPath: file) }
            // act
            let archive = try await Backup(database: database).write(to: file)
            try await Migrator(database: database).revert()
            try await Migrator(database: database).migrate()
            let restored = try await Backup(database: database).restore(from: file, replace: true)
            // check
            let after = try await Self.everything(database)
            for table in before.keys.sorted() where !Self.cleared.contains(table) {
                #expect(after[table] == before[table], "\(table) differs after the restore")
                #expect(archive.tables[table] == before[table], "\(table) differs in the backup")
            }
            for table in Self.cleared { #expect(after[table]?.isEmpty == true, "\(table) was not emptied") }
            #expect(Set(restored.tables.map(\.name)) == Set(before.keys).subtracting(Self.cleared))
            #expect(Set(restored.cleared) == Self.cleared)
            #expect(restored.missing.isEmpty)
            #expect(restored.rows == archive.tables.values.map(\.count).reduce(0, +))
            for table in [
                "trainings", "training_sessions", "registrations", "place_reminders", "place_links",
                "advisor_invitations",
            ] {
                #expect(restored.tables.contains { $0.name == table && $0.rows == 2 }, "\(table) not restored")
            }
        }
    }

    @Test("Restoring over a full database replaces it: the calendar comes back with the places it hangs from")
    func replaceKeepsCalendar() async throws {
        try await TestDatabase.with { database, _ in
            try await Migrator(database: database).migrate()
            try await GeneratedRows.fill(database, skipping: Self.kept)
            let before = try await Self.everything(database)
            let file = Self.file()
            defer { try? FileManager.default.removeItem(atPath: file) }
            _ = try await Backup(database: database).write(to: file)
            // act: restore --force into the same, full database (deleting places cascades to the calendar)
            _ = try await Backup(database: database).restore(from: file, replace: true)
            let after = try await Self.everything(database)
            for table in ["places", "trainings", "training_sessions", "registrations"] {
                #expect(after[table] == before[table], "\(table) lost")
            }
        }
    }

    @Test("A backup moves between SQLite and PostgreSQL both ways, every table equal")
    func acrossDatabases() async throws {
        guard TestDatabase.usesPostgres else { return }  // needs both; runs in the PostgreSQL pass
        try await TestDatabase.with { postgres, _ in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("across-\(UUID()).sqlite").path
            let sqlite = Database.sqlite(path: path, logger: TestDatabase.logger)
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            for database in [sqlite, postgres] { try await Migrator(database: database).migrate() }
            for (source, target) in [(sqlite, postgres), (postgres, sqlite)] {
                try await GeneratedRows.fill(source, skipping: Self.kept)
                let before = try await Self.everything(source)
                let file = Self.file()
                defer { try? FileManager.default.removeItem(atPath: file) }
                _ = try await Backup(database: source).write(to: file)
                _ = try await Backup(database: target).restore(from: file, replace: true)
                let after = try await Self.everything(target)
                for table in before.keys.sorted() where !Self.cleared.contains(table) {
                    #expect(after[table] == before[table], "\(table) differs from \(source.kind) to \(target.kind)")
                }
                // the next round starts from an empty source
                try await Migrator(database: source).revert()
                try await Migrator(database: source).migrate()
            }
            await sqlite.shutdown()
        }
    }

    @Test(
        "A table a migration adds is in the next backup without being listed; every left-out table exists, with its reason"
    )
    func derivedFromSchema() async throws {
        try await TestDatabase.with { database, _ in
            try await Migrator(database: database).migrate()
            let names = try await database.read { sql in
                try await Schema.read(kind: database.kind, in: sql).tables.map(\.name)
            }
            for (table, reason) in Backup.leftOut {
                #expect(names.contains(table), "\(table) is declared left out but is not in the schema")
                switch reason {
                case .cleared(let text), .kept(let text): #expect(text.count > 20)
                }
            }
            // a new table, as a later migration would add it, referring to an existing one
            try await database.write { sql in
                try await sql.raw(
                    "CREATE TABLE zz_added (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), amount DOUBLE PRECISION)"
                ).run()
            }
            try await GeneratedRows.fill(database, skipping: Self.kept)
            let archive = try await Backup(database: database).make()
            #expect(archive.tables["zz_added"]?.count == 2)
            let order = try await database.read { sql in
                try await Schema.read(kind: database.kind, in: sql).tables.map(\.name)
            }
            let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            for (parent, child) in [
                ("users", "zz_added"), ("places", "trainings"), ("trainings", "training_sessions"),
                ("training_sessions", "registrations"),
            ] {
                #expect((position[parent] ?? .max) < (position[child] ?? -1), "\(parent) must come before \(child)")
            }
        }
    }
}
