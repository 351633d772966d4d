import Foundation
import Testing
@testable import EclairageWeb

@Suite("Operations: configuration, migrations, backup and restore")
struct OperationsTests {
    @Test("Every bad setting is reported by name, all at once")
    func configuration() throws {
        do {
            _ = try AppConfiguration.fromEnvironment([
                "CONTENT_PATH": "/nulle/part", "SESSION_IDLE_MINUTES": "abc", "DATABASE_URL": "mysql://x", "BASE_URL": "ftp://x",
            ])
            Issue.record("expected a configuration error")
        } catch let problems as AppConfiguration.Problems {
            let text = problems.description
            for name in ["CONTENT_PATH", "SESSION_IDLE_MINUTES", "DATABASE_URL", "BASE_URL"] {
                #expect(text.contains(name), "\(name) not reported")
            }
            #expect(problems.messages.count == 4)
        }
    }

    @Test("All migrations revert and apply again cleanly")
    func migrations() async throws {
        try await TestDatabase.with { database, _ in
            let migrator = Migrator(database: database)
            let applied = try await migrator.migrate()
            #expect(applied.count == Migrations.all.count)
            #expect(try await migrator.migrate().isEmpty)
            let reverted = try await migrator.revert()
            #expect(reverted.count == Migrations.all.count)
            #expect(try await migrator.appliedVersions().isEmpty)
            #expect(try await migrator.migrate().count == Migrations.all.count)
        }
    }

    @Test("Two servers starting together apply each migration once")
    func concurrentMigrations() async throws {
        try await TestDatabase.with { database, url in
            // On PostgreSQL, a second pool on the same database: two servers; on SQLite, two migrators.
            let second = try url.map { try Database.postgres(url: $0, logger: TestDatabase.logger, connectionsPerEventLoop: 1) } ?? database
            async let first = Migrator(database: database).migrate()
            async let other = Migrator(database: second).migrate()
            let (a, b) = try await (first, other)
            #expect(a.count + b.count == Migrations.all.count)
            #expect(try await Migrator(database: database).appliedVersions() == Migrations.all.map(\.version))
            if url != nil { await second.shutdown() }
        }
    }

    @Test("Backup, wipe, restore: the same data")
    func backupRestore() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice <b>", email: "alice@example.org")
            _ = try await alice.submit("/associations/nouvelle", ["name": "Club « Lecture » & co", "postcode": "01000"])
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            _ = try await carol.submit("/structures/nouvelle", ["name": "PAVA", "description": "ligne 1\nligne 2"])
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID()).json").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            let backup = Backup(database: app.services.database)
            let written = try await backup.write(to: file)
            #expect(written.tables["users"]?.count == 2)
            #expect(written.tables["associations"]?.first?["postcode"] == .text("01000"))
            // restoring over data needs --force
            await #expect(throws: Backup.RestoreError.self) { try await backup.restore(from: file, replace: false) }
            // wipe, then restore
            try await Migrator(database: app.services.database).revert()
            try await Migrator(database: app.services.database).migrate()
            _ = try await backup.restore(from: file, replace: false)
            let again = try await backup.make()
            #expect(again.tables == written.tables)
            // the restored accounts work
            let signIn = try await app.browser().submit("/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            #expect(signIn.status == .seeOther)
        }
    }

    @Test("A file that is not a backup is refused with a clear message")
    func notABackup() async throws {
        try await TestDatabase.with { database, _ in
            try await Migrator(database: database).migrate()
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("junk-\(UUID()).json").path
            try Data("{\"hello\": 1}".utf8).write(to: URL(fileURLWithPath: file))
            defer { try? FileManager.default.removeItem(atPath: file) }
            do {
                _ = try await Backup(database: database).restore(from: file, replace: true)
                Issue.record("expected a refusal")
            } catch let error as Backup.RestoreError {
                #expect(error.description.contains("n'est pas une sauvegarde"))
            }
        }
    }
}

@Suite("Housekeeping")
struct HousekeepingTests {
    @Test("Expired sessions, reset links, invitations and old rate-limit counters go; live ones stay")
    func expired() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let id = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            _ = try await alice.submit("/associations/\(id)/invitations", [:])
            _ = try await alice.submit("/associations/\(id)/invitations", [:])
            _ = try await app.browser().submit("/connexion", ["email": "bob@example.org", "password": "faux"])
            try await app.services.database.write { sql in
                try await sql.update("invitations").set("expires_at", to: SQLBind(Int64(1))).where("association_id", .equal, SQLBind(id))
                    .where("created_at", .greaterThan, SQLBind(Int64(0))).run()
                try await sql.update("rate_limits").set("window_start", to: SQLBind(Int64(1))).run()
            }
            _ = try await app.browser().submit("/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            let (invitations, attempts, sessions) = try await app.services.database.read { sql in
                (try await sql.select().column("token_hash").from("invitations").all().count,
                 try await sql.select().column("subject").from("rate_limits").where("subject", .equal, SQLBind("account:bob@example.org")).all().count,
                 try await sql.select().column("id").from("sessions").all().count)
            }
            #expect(invitations == 0)
            #expect(attempts == 0)
            #expect(sessions == 2)  // Alice's two browsers
            #expect(try await alice.get("/compte").status == .ok)
        }
    }
}

import SQLKit
