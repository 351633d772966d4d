import EclairageDomain
import Foundation
import Hummingbird
import Logging
import Testing

@testable import EclairageWeb

/// A transport that fails a given number of times, then records.
actor FlakyMailer: Mailer {
    var failuresLeft: Int
    private(set) var sent: [MailMessage] = []
    init(failures: Int) { failuresLeft = failures }
    struct Refused: Error {}
    func stopFailing() { failuresLeft = 0 }
    func send(_ message: MailMessage) async throws {
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw Refused()
        }
        sent.append(message)
    }
}

@Suite("Mail outbox and scheduler")
struct OutboxTests {
    static func message(_ n: Int) -> MailMessage {
        MailMessage(to: "p\(n)@example.org", subject: "Objet \(n)", body: "Texte \(n)")
    }

    @Test("Two servers draining the outbox together send each message exactly once")
    func exactlyOnce() async throws {
        try await withApp { app in
            for n in 0..<30 { try await app.services.outbox.enqueue(Self.message(n)) }
            let first = RecordingMailer()
            let second = RecordingMailer()
            let url = ProcessInfo.processInfo.environment["DATABASE_URL"]
            // On PostgreSQL the second server has its own connections to the same database.
            let otherDatabase = try await Self.sameDatabase(as: app)
            let a = Outbox(
                database: app.services.database, transport: first, time: app.services.time, logger: TestDatabase.logger)
            let b = Outbox(
                database: otherDatabase ?? app.services.database, transport: second, time: app.services.time,
                logger: TestDatabase.logger)
            async let sentByA = a.deliverDue()
            async let sentByB = b.deliverDue()
            let (countA, countB) = try await (sentByA, sentByB)
            let recipients = await first.messages.map(\.to) + second.messages.map(\.to)
            #expect(countA + countB == 30)
            #expect(recipients.count == 30 && Set(recipients).count == 30)
            #expect(try await a.deliverDue() == 0)
            if let otherDatabase, url != nil { await otherDatabase.shutdown() }
        }
    }

    /// A second pool on the test's PostgreSQL database (nil on SQLite, where one process holds the file).
    static func sameDatabase(as app: TestApp) async throws -> Database? {
        guard TestDatabase.usesPostgres else { return nil }
        let name = try await app.services.database.read { sql in
            struct Row: Decodable { let name: String }
            return try await sql.raw("SELECT current_database() AS name").first(decoding: Row.self)?.name
        }
        let url = TestDatabase.replacingDatabase(
            in: ProcessInfo.processInfo.environment["DATABASE_URL"]!, with: try #require(name))
        return try Database.postgres(url: url, logger: TestDatabase.logger, connectionsPerEventLoop: 1)
    }

    @Test("A refused message is retried later and later, then given up and shown to the administrator")
    func retries() async throws {
        try await withApp { app in
            let flaky = FlakyMailer(failures: 100)
            let outbox = Outbox(
                database: app.services.database, transport: flaky, time: app.services.time, logger: TestDatabase.logger)
            try await outbox.enqueue(MailMessage(to: "lent@example.org", subject: "Essai", body: "Texte"))
            #expect(try await outbox.deliverDue() == 0)
            #expect(try await outbox.deliverDue() == 0)  // not due again yet
            #expect(await flaky.failuresLeft == 99)
            app.advance(61)
            _ = try await outbox.deliverDue()
            #expect(await flaky.failuresLeft == 98)  // second try after a minute
            for _ in 0..<10 {
                app.advance(6 * 3600)
                _ = try await outbox.deliverDue()
            }
            #expect(await flaky.failuresLeft == 100 - Outbox.maxAttempts)  // eight tries, then no more
            _ = try await Admins.create(
                email: "admin@example.org", name: "Admin", password: "phrase de passe administrateur",
                services: app.services)
            let admin = app.browser()
            _ = try await admin.submit(
                "/connexion", ["email": "admin@example.org", "password": "phrase de passe administrateur"])
            let page = try await admin.get("/admin")
            #expect(page.text.contains("<td>lent@example.org</td><td>Essai</td>"))
            #expect(page.text.contains(#"8 <span class="tag">abandonné</span>"#))
            #expect(page.text.contains("Refused"))
            // the administrator tries again once the mail setup is fixed: the message leaves
            await flaky.stopFailing()
            let form = try #require(page.text.firstMatch(of: /action="(\/admin\/courriels\/[a-z0-9]+\/reessayer)"/)).1
            #expect(try await admin.submit(String(form), [:]).location == "/admin")
            #expect(try await outbox.deliverDue() == 1)
            #expect(await flaky.sent.map(\.to) == ["lent@example.org"])
            // nobody else may
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            #expect(try await alice.submit(String(form), [:]).status == .forbidden)
        }
    }

    @Test("A failure that passes: the message goes out on the next try, once")
    func recovers() async throws {
        try await withApp { app in
            let flaky = FlakyMailer(failures: 1)
            let outbox = Outbox(
                database: app.services.database, transport: flaky, time: app.services.time, logger: TestDatabase.logger)
            try await outbox.enqueue(Self.message(1))
            _ = try await outbox.deliverDue()
            app.advance(61)
            #expect(try await outbox.deliverDue() == 1)
            app.advance(3600)
            #expect(try await outbox.deliverDue() == 0)
            #expect(await flaky.sent.map(\.to) == ["p1@example.org"])
        }
    }

    @Test(
        "A message whose sending ends the server is counted when claimed: retried after the lease, then given up, never sent forever"
    )
    func crashWhileSending() async throws {
        try await withApp { app in
            let outbox = app.services.outbox
            try await outbox.enqueue(Self.message(1))
            // A server claims the message and dies while sending it: only the claim is left.
            for attempt in 1...Outbox.maxAttempts {
                let claimed = try await app.services.database.write {
                    try await OutboxQueries.claim(now: app.now(), lease: Outbox.lease, in: $0)
                }
                #expect(claimed?.attempts == attempt)
                #expect(try await outbox.deliverDue() == 0)  // the lease holds it
                app.advance(Outbox.lease + 1)
            }
            // After the last allowed attempt, the next claim gives it up instead of sending it again.
            #expect(try await outbox.deliverDue() == 0)
            #expect(await app.mailer.messages.isEmpty)
            let row = try #require(
                try await app.services.database.read { try await OutboxQueries.unsent(limit: 10, in: $0) }.first)
            #expect(row.failedAt != nil && row.attempts == Outbox.maxAttempts)
            #expect(row.lastError?.contains("interrompu") == true)
            app.advance(24 * 3600)
            #expect(try await outbox.deliverDue() == 0)
            #expect(await app.mailer.messages.isEmpty)
        }
    }

    @Test("A message whose first sender died goes out after the lease, the lost attempt counted")
    func crashOnceThenSent() async throws {
        try await withApp { app in
            let flaky = FlakyMailer(failures: 100)
            let outbox = Outbox(
                database: app.services.database, transport: flaky, time: app.services.time, logger: TestDatabase.logger)
            try await outbox.enqueue(Self.message(1))
            _ = try await app.services.database.write {
                try await OutboxQueries.claim(now: app.now(), lease: Outbox.lease, in: $0)
            }
            app.advance(Outbox.lease + 1)
            #expect(try await outbox.deliverDue() == 0)  // second attempt, refused
            let row = try #require(
                try await app.services.database.read { try await OutboxQueries.unsent(limit: 10, in: $0) }.first)
            #expect(row.attempts == 2 && row.failedAt == nil)
            await flaky.stopFailing()
            app.advance(Outbox.backoff(attempts: 2) + 1)
            #expect(try await outbox.deliverDue() == 1)
            #expect(await flaky.sent.map(\.to) == ["p1@example.org"])
        }
    }

    @Test("A scheduled job runs once per period, whichever server asks")
    func scheduledOnce() async throws {
        try await withApp { app in
            let runs = Counter()
            let job = Scheduler.Job(name: "essai", every: 3600) { await runs.add() }
            let one = Scheduler(
                database: app.services.database, time: app.services.time, jobs: [job], logger: TestDatabase.logger)
            let otherDatabase = try await Self.sameDatabase(as: app)
            let two = Scheduler(
                database: otherDatabase ?? app.services.database, time: app.services.time, jobs: [job],
                logger: TestDatabase.logger)
            async let a = one.runDue()
            async let b = two.runDue()
            _ = try await (a, b)
            #expect(await runs.value == 1)
            _ = try await one.runDue()
            #expect(await runs.value == 1)
            app.advance(3601)
            _ = try await two.runDue()
            _ = try await one.runDue()
            #expect(await runs.value == 2)
            if let otherDatabase { await otherDatabase.shutdown() }
        }
    }
}

actor Counter {
    private(set) var value = 0
    func add() { value += 1 }
}
