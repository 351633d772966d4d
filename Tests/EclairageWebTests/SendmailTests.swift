import EclairageDomain
import Foundation
import Testing

@testable import EclairageWeb

/// Scripts standing for `sendmail` (written to a temporary folder), each given a message larger
/// than a pipe's buffer: whatever the script does, the send throws and the outbox counts a failed
/// attempt, to be retried; the process never dies (no SIGPIPE, no trap).
@Suite("sendmail: a failed attempt, never a crash")
struct SendmailTests {
    static let sender = MailAddress(name: "Éclairage", address: "x@example.org")

    /// A message of about 1.4 MB once encoded: a 1 MB attachment, more than a pipe holds (64 kB).
    static let large: MailMessage = {
        let line = "DESCRIPTION:Atelier « mots de passe » à la médiathèque, séance \(Token.random(length: 12))\r\n"
        let content = String(repeating: line, count: 1_000_000 / line.utf8.count + 1)
        return MailMessage(
            to: "a@example.org", subject: "Atelier « mots de passe » : votre invitation",
            body: "Bonjour,\nVoici l'invitation.\n",
            attachment: .init(
                fileName: "seance.ics", contentType: "text/calendar; method=REQUEST; charset=UTF-8", content: content))
    }()

    /// A folder holding `sendmail`, a shell script with `body`.
    static func script(_ body: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eclairage-sendmail-\(Token.random(length: 8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("sendmail")
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return folder
    }

    @Test("sendmail reads the whole message: headers as the standards want them, the attachment intact")
    func wholeMessage() async throws {
        let folder = try Self.script("cat > \"$(dirname \"$0\")/message.eml\"")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (time, _) = TimeSource.manual()
        var message = Self.large
        message = MailMessage(
            to: "a@example.org\nBcc: b@example.org", subject: message.subject, body: message.body,
            attachment: message.attachment)
        let before = time.now()
        try await SendmailMailer(path: folder.appendingPathComponent("sendmail").path, from: Self.sender, time: time)
            .send(message)
        let after = time.now()
        let written = try String(contentsOf: folder.appendingPathComponent("message.eml"), encoding: .utf8)
        let headers = written.components(separatedBy: "\n\n")[0].components(separatedBy: "\n")
        #expect(headers.contains("From: =?UTF-8?B?w4ljbGFpcmFnZQ==?= <x@example.org>"))
        #expect(headers.contains("To: a@example.orgBcc: b@example.org"))  // no header injection
        #expect(headers.contains { $0.hasPrefix("Subject: =?UTF-8?B?") })
        // the clock at send time
        #expect((before...after).contains { headers.contains("Date: " + MailHeader.date($0)) })
        #expect(headers.contains { $0.wholeMatch(of: /Message-ID: <[A-Za-z0-9]{24}@example\.org>/) != nil })
        for line in headers { #expect(line.count <= MailHeader.lineLimit, "\(line)") }
        #expect(
            written.contains(
                "Content-Type: text/calendar; method=REQUEST; charset=UTF-8\nContent-Disposition: attachment; filename=\"seance.ics\""
            ))
        let start = try #require(written.range(of: "Content-Transfer-Encoding: base64\n\n")).upperBound
        let end = try #require(written.range(of: "\n--eclairage-", range: start..<written.endIndex)).lowerBound
        let decoded = try #require(Data(base64Encoded: written[start..<end].replacingOccurrences(of: "\n", with: "")))
        #expect(decoded == Data(Self.large.attachment!.content.utf8))
    }

    @Test("No line of a message passes 998 bytes: a body with a longer line goes as base64, intact")
    func longLines() throws {
        let body = "Bonjour,\n" + String(repeating: "très long ", count: 300) + "\nFin\n"
        let text = MailFormat.render(
            MailMessage(to: "a@example.org", subject: String(repeating: "Objet é ", count: 40), body: body),
            from: Self.sender, date: 0)
        for line in text.split(separator: "\n") { #expect(line.utf8.count <= MailFormat.maxLineBytes) }
        let parts = text.components(separatedBy: "\n\n")
        for line in parts[0].split(separator: "\n") { #expect(line.count <= MailHeader.lineLimit) }
        #expect(parts[0].hasSuffix("Content-Transfer-Encoding: base64"))
        #expect(Data(base64Encoded: parts[1].replacingOccurrences(of: "\n", with: "")) == Data(body.utf8))
    }

    /// Each misbehaviour, as a script.
    static let misbehaviours: [(String, String)] = [
        ("exits at once", "exit 0"),
        ("closes its input without reading", "exec 0<&-\nsleep 1\nexit 0"),
        ("reads a little, then exits", "head -c 1000 > /dev/null\nexit 0"),
        ("hangs without reading", "sleep 600"),
        ("reads all, then hangs", "cat > /dev/null\nsleep 600"),
        (
            "writes garbage on both outputs",
            "cat > /dev/null\nhead -c 300000 /dev/urandom\nhead -c 300000 /dev/urandom >&2\nexit 0"
        ),
        ("writes garbage and exits non-zero", "cat > /dev/null\nhead -c 2000 /dev/urandom >&2\nexit 1"),
        ("refuses (exit 75)", "cat > /dev/null\necho 'file d’attente pleine' >&2\nexit 75"),
        ("is killed", "kill -9 $$"),
    ]

    @Test(
        "A sendmail that misbehaves gives a failed attempt, retried later; the server goes on",
        arguments: misbehaviours.indices)
    func misbehaves(_ index: Int) async throws {
        let (name, body) = Self.misbehaviours[index]
        let folder = try Self.script(body)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withApp { app in
            let mailer = SendmailMailer(
                path: folder.appendingPathComponent("sendmail").path, from: Self.sender, time: app.services.time,
                timeout: .seconds(2))
            let outbox = Outbox(
                database: app.services.database, transport: mailer, time: app.services.time, logger: TestDatabase.logger
            )
            try await outbox.enqueue(Self.large)
            let started = ContinuousClock.now
            #expect(try await outbox.deliverDue() == 0, "\(name)")
            #expect(ContinuousClock.now - started < .seconds(20), "\(name): the timeout did not stop it")
            let row = try #require(
                try await app.services.database.read { try await OutboxQueries.unsent(limit: 10, in: $0) }.first)
            #expect(row.attempts == 1 && row.failedAt == nil && row.sendAfter > app.now(), "\(name)")
            #expect(row.lastError?.isEmpty == false, "\(name)")
            app.advance(61)
            #expect(try await outbox.deliverDue() == 0, "\(name)")
            let again = try #require(
                try await app.services.database.read { try await OutboxQueries.unsent(limit: 10, in: $0) }.first)
            #expect(again.attempts == 2, "\(name): retried")
        }
    }

    @Test("A missing or non-executable sendmail is a failed attempt too")
    func missing() async throws {
        let (time, _) = TimeSource.manual()
        await #expect(throws: (any Error).self) {
            try await SendmailMailer(path: "/nulle/part/sendmail", from: Self.sender, time: time).send(Self.large)
        }
    }
}
