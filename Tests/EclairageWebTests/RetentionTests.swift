import Foundation
import SQLKit
import Testing

@testable import EclairageWeb

@Suite("Retention: every table has its period, applied hourly, and the record in docs/ is the code's")
struct RetentionTests {
    @Test("Every table of the schema belongs to exactly one retention rule")
    func everyTable() async throws {
        try await TestDatabase.with { database, _ in
            try await Migrator(database: database).migrate()
            let tables = try await database.read { sql in
                try await Schema.read(kind: database.kind, in: sql).tables.map(\.name)
            }
            let covered = Retention.rules.flatMap(\.tables)
            for table in tables {
                #expect(covered.filter { $0 == table }.count == 1, "\(table): give it one retention rule")
            }
            for table in covered { #expect(tables.contains(table), "\(table) is in a rule but not in the schema") }
        }
    }

    @Test("docs/RETENTION.md is generated from the rules (SNAPSHOTS=record rewrites it)")
    func document() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("docs/RETENTION.md")
        let generated = Retention.markdown()
        if ProcessInfo.processInfo.environment["SNAPSHOTS"] == "record" {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(
            try String(contentsOf: file, encoding: .utf8) == generated,
            "docs/RETENTION.md is out of date: run SNAPSHOTS=record swift test --filter Retention")
    }

    @Test("Old rows of every table with a period are purged; tables kept as long as their owner are untouched")
    func purges() async throws {
        try await TestDatabase.with { database, _ in
            // setup: two rows in every table, dated at the epoch (their periods are long over)
            try await Migrator(database: database).migrate()
            try await GeneratedRows.fill(database, skipping: ["schema_migrations", "tool_search"])
            let before = try await BackupTests.everything(database)
            // act
            try await database.write { try await Retention.apply(now: 20 * Retention.year, in: $0) }
            // check
            let after = try await BackupTests.everything(database)
            for table in [
                "registrations", "place_links", "place_reminders", "directory_import_rows", "rate_limits",
                "password_resets",
                "signup_requests", "invitations", "advisor_invitations", "access_log",
            ] {
                #expect(after[table]?.isEmpty == true, "\(table) kept past its period")
            }
            // sessions always carry an expiry; only the generated one without it stays
            #expect(after["sessions"]?.allSatisfy { $0["expires_at"] == .null } == true, "expired sessions kept")
            #expect(after["place_changes"]?.count == before["place_changes"]?.count)
            #expect(after["place_changes"]?.allSatisfy { $0["contact"] == .null } == true, "proposers' contacts kept")
            for rule in Retention.rules where rule.purge == nil {
                for table in rule.tables where before[table] != nil {
                    #expect(after[table] == before[table], "\(table) changed")
                }
            }
        }
    }

    @Test("A registration is kept a year after its session ended, then deleted by the hourly housekeeping")
    func registrations() async throws {
        try await withApp { app in
            let fixture = try await SnapshotTests.fixture(app)
            func count() async throws -> Int {
                try await app.services.database.read {
                    try await $0.select().column("id").from("registrations").all().count
                }
            }
            #expect(try await count() == 1)
            // the registration is for the fixture's first session, in 10 days: a year less a day after it, still there
            app.advance(10 * 86_400 + 364 * 86_400)
            _ = try await app.services.scheduler.runDue()
            #expect(try await count() == 1)
            app.advance(2 * 86_400)
            #expect(try await app.services.scheduler.runDue().contains("housekeeping"))
            #expect(try await count() == 0)
            _ = fixture
        }
    }
}
