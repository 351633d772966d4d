import EclairageDomain
import Foundation
import SQLKit
import Testing

@testable import EclairageWeb

@Suite("Operations: configuration, migrations, backup and restore")
struct OperationsTests {
    @Test("Every bad setting is reported by name, all at once")
    func configuration() throws {
        do {
            _ = try AppConfiguration.fromEnvironment([
                "CONTENT_PATH": "/nulle/part", "SESSION_IDLE_MINUTES": "abc", "DATABASE_URL": "mysql://x",
                "BASE_URL": "ftp://x",
                "MAIL_FROM": "Éclairage ne-pas-repondre@localhost", "SENDMAIL_TIMEOUT_SECONDS": "300",
            ])
            Issue.record("expected a configuration error")
        } catch let problems as AppConfiguration.Problems {
            let text = problems.description
            for name in [
                "CONTENT_PATH", "SESSION_IDLE_MINUTES", "DATABASE_URL", "BASE_URL", "MAIL_FROM",
                "SENDMAIL_TIMEOUT_SECONDS",
            ] {
                #expect(text.contains(name), "\(name) not reported")
            }
            #expect(problems.messages.count == 6)
        }
    }

    @Test("MAIL_FROM is read once into a name and an address")
    func mailFrom() throws {
        let named = try AppConfiguration.fromEnvironment([
            "CONTENT_PATH": contentPath, "MAIL_FROM": "\"Réseau, Tours\" <contact@reseau.example.org>",
        ])
        #expect(named.mailFrom == MailAddress(name: "Réseau, Tours", address: "contact@reseau.example.org"))
        let bare = try AppConfiguration.fromEnvironment([
            "CONTENT_PATH": contentPath, "MAIL_FROM": "contact@reseau.example.org",
        ])
        #expect(bare.mailFrom == MailAddress(name: nil, address: "contact@reseau.example.org"))
        let fallback = try AppConfiguration.fromEnvironment(["CONTENT_PATH": contentPath])
        #expect(fallback.mailFrom == MailAddress(name: "Éclairage", address: "ne-pas-repondre@localhost"))
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
            let second =
                try url.map { try Database.postgres(url: $0, logger: TestDatabase.logger, connectionsPerEventLoop: 1) }
                ?? database
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
            _ = try await alice.submit(
                "/associations/nouvelle", ["name": "Club « Lecture » & co", "postcode": "01000"])
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
            let signIn = try await app.browser().submit(
                "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
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
    @Test(
        "The hourly housekeeping job deletes expired sessions, reset links, invitations, sign-up requests and old counters; live ones stay"
    )
    func expired() async throws {
        try await withApp(["SENDMAIL_PATH": "/bin/true"]) { app in
            let alice = try await app.signedUpBrowserConfirmed(name: "Alice", email: "alice@example.org")
            let id = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            // one of each, then eight days pass: all of them are out of date
            _ = try await alice.submit("/associations/\(id)/invitations", [:])
            _ = try await app.browser().submit("/connexion", ["email": "bob@example.org", "password": "faux"])
            _ = try await app.browser().submit("/mot-de-passe-oublie", ["email": "alice@example.org"])
            _ = try await app.browser().submit(
                "/inscription",
                ["display_name": "X", "email": "x@example.org", "password": "lampe tulipe orage cheval"])
            let old = app.browser()
            _ = try await old.submit(
                "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            app.advance(8 * 24 * 3600)
            // then live ones of each kind (Alice's session ended with the days: she signs in again)
            #expect(try await alice.get("/compte").status == .forbidden)
            #expect(
                try await alice.submit(
                    "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"]
                ).status == .seeOther)
            _ = try await alice.submit("/associations/\(id)/invitations", [:])
            _ = try await app.browser().submit("/connexion", ["email": "carol@example.org", "password": "faux"])
            _ = try await app.browser().submit("/mot-de-passe-oublie", ["email": "alice@example.org"])
            _ = try await app.browser().submit(
                "/inscription",
                ["display_name": "Y", "email": "y@example.org", "password": "lampe tulipe orage cheval"])
            _ = try await app.browser().submit(
                "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            #expect(try await app.services.scheduler.runDue().contains("housekeeping"))
            struct Counts: Sendable { let invitations, bob, carol, resets, oldSession, sessions, signUps: Int }
            let counts = try await app.services.database.read { sql in
                func count(_ table: String, _ column: String, _ value: String? = nil) async throws -> Int {
                    var query = sql.select().column(column).from(table)
                    if let value { query = query.where(SQLIdentifier(column), .equal, SQLBind(value)) }
                    return try await query.all().count
                }
                return Counts(
                    invitations: try await count("invitations", "token_hash"),
                    bob: try await count("rate_limits", "subject", "account:bob@example.org"),
                    carol: try await count("rate_limits", "subject", "account:carol@example.org"),
                    resets: try await count("password_resets", "token_hash"),
                    oldSession: try await count("sessions", "id", "hbs.\(old.cookie("SESSION_ID") ?? "")"),
                    sessions: try await count("sessions", "id"),
                    signUps: try await count("signup_requests", "token_hash")
                )
            }
            #expect(counts.invitations == 1)
            #expect(counts.bob == 0 && counts.carol == 1)
            #expect(counts.resets == 1)
            #expect(counts.oldSession == 0)
            #expect(counts.sessions == 2)  // Alice's new sign-in and the last one
            #expect(counts.signUps == 1)
            #expect(try await old.get("/compte").status == .forbidden)
        }
    }
}
