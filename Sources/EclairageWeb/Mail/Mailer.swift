import EclairageDomain
import Foundation
import Logging

/// An e-mail to send: plain text, one recipient, and at most one text attachment (a calendar invitation).
public struct MailMessage: Sendable, Equatable {
    public struct Attachment: Sendable, Equatable {
        public let fileName: String
        public let contentType: String
        public let content: String
    }

    public let to: String
    public let subject: String
    public let body: String
    public var attachment: Attachment?

    public init(to: String, subject: String, body: String, attachment: Attachment? = nil) {
        self.to = to
        self.subject = subject
        self.body = body
        self.attachment = attachment
    }
}

/// Where mail goes: the host's `sendmail`, the server log, or (in tests) memory.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

/// With no mail configured, messages (reset links included) are written to the server log.
struct LogMailer: Mailer {
    let logger: Logger

    func send(_ message: MailMessage) async throws {
        logger.notice(
            "Courriel non envoyé (aucun SENDMAIL_PATH) — à : \(message.to) — objet : \(message.subject)\n\(message.body)"
        )
    }
}

/// Keeps messages in memory, for tests; `observer` sees each one too (the test suite writes them
/// out for CI's independent MIME check when `MAIL_SAMPLES_DIR` is set).
public actor RecordingMailer: Mailer {
    public private(set) var messages: [MailMessage] = []
    let observer: (@Sendable (MailMessage) throws -> Void)?
    public init(observer: (@Sendable (MailMessage) throws -> Void)? = nil) { self.observer = observer }
    public func send(_ message: MailMessage) async throws {
        try observer?(message)
        messages.append(message)
    }
}
