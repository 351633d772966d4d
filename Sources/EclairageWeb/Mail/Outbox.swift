import EclairageDomain
import Logging
import SQLKit

/// Every e-mail goes through the outbox: stored first (in the same transaction as what caused it,
/// when there is one), then handed to the transport (`sendmail`, the log) by the scheduler, so that a
/// request never waits for mail and a message survives a restart. A message is claimed with a lease
/// before it is sent, so that with several app servers one of them sends it; a failure is retried
/// later (1, 2, 4 … minutes, up to 6 hours apart), eight times, then shown to the administrator.
/// A server that dies between handing a message over and recording it may send it once more when the
/// lease ends: the transport cannot take part in the database's transaction. The claim counts the
/// attempt, so a message that ends the server each time is given up after `maxAttempts` claims.
struct Outbox: Sendable {
    let database: Database
    let transport: any Mailer
    let time: TimeSource
    let logger: Logger

    static let lease: Int64 = 300
    static let maxAttempts = 8

    /// Stores a message in the caller's transaction.
    static func enqueue(_ message: MailMessage, now: Int64, in sql: any SQLDatabase) async throws {
        try await OutboxQueries.insert(
            .init(
                id: Token.identifier(), recipient: message.to, subject: message.subject, body: message.body,
                attachmentName: message.attachment?.fileName, attachmentType: message.attachment?.contentType,
                attachmentContent: message.attachment?.content, createdAt: now, sendAfter: now, attempts: 0
            ), in: sql)
    }

    /// Stores a message in a transaction of its own.
    func enqueue(_ message: MailMessage) async throws {
        let now = time.now()
        try await database.write { try await Self.enqueue(message, now: now, in: $0) }
    }

    /// Sends what is due, one message at a time, at most `limit`; returns how many went out.
    @discardableResult
    func deliverDue(limit: Int = 100) async throws -> Int {
        var sent = 0
        for _ in 0..<limit {
            let now = time.now()
            guard
                let row = try await database.write({
                    try await OutboxQueries.claim(now: now, lease: Self.lease, in: $0)
                })
            else { break }
            guard row.attempts <= Self.maxAttempts else {
                // The last attempt ended without a word (its server stopped while sending), and it was the last one allowed.
                logger.warning("Courriel \(row.id) abandonné : \(Self.maxAttempts) essais, le dernier interrompu")
                try await database.write {
                    try await OutboxQueries.markFailed(
                        row.id, attempts: Self.maxAttempts,
                        error:
                            "\(Self.maxAttempts) essais, le dernier interrompu (le serveur s'est arrêté pendant l'envoi)",
                        retryAt: nil, now: now, in: $0)
                }
                continue
            }
            do {
                try await transport.send(row.message)
                try await database.write { try await OutboxQueries.markSent(row.id, now: self.time.now(), in: $0) }
                sent += 1
            } catch {
                let attempts = row.attempts  // counted by the claim
                let retryAt = attempts < Self.maxAttempts ? now + Self.backoff(attempts: attempts) : nil
                logger.warning("Courriel \(row.id) non envoyé (essai \(attempts)) : \(String(describing: error))")
                try await database.write {
                    try await OutboxQueries.markFailed(
                        row.id, attempts: attempts, error: String(describing: error), retryAt: retryAt, now: now, in: $0
                    )
                }
            }
        }
        return sent
    }

    /// Seconds before the next try: 1, 2, 4 … minutes, at most 6 hours.
    static func backoff(attempts: Int) -> Int64 {
        min(6 * 3600, 60 << Int64(min(attempts - 1, 20)))
    }
}

extension OutboxQueries.Row {
    var message: MailMessage {
        let attachment = attachmentName.map {
            MailMessage.Attachment(
                fileName: $0, contentType: attachmentType ?? "application/octet-stream",
                content: attachmentContent ?? "")
        }
        return MailMessage(to: recipient, subject: subject, body: body, attachment: attachment)
    }
}
