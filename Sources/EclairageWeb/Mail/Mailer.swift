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
        logger.notice("Courriel non envoyé (aucun SENDMAIL_PATH) — à : \(message.to) — objet : \(message.subject)\n\(message.body)")
    }
}

/// Hands the message to the host's `sendmail -t -i`, as Postfix, Exim and OpenSMTPD all accept. The
/// process is awaited through its termination handler, so no thread of the server waits on it.
struct SendmailMailer: Mailer {
    let path: String
    let from: String

    func send(_ message: MailMessage) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        process.standardInput = input
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            input.fileHandleForWriting.write(Data(Self.text(message, from: from).utf8))
            try? input.fileHandleForWriting.close()
        }
        guard status == 0 else { throw MailError(status: status) }
    }

    /// The whole message: plain text, or multipart/mixed with the attachment in base64.
    static func text(_ message: MailMessage, from: String) -> String {
        var lines = [
            "From: \(header(from))",
            "To: \(header(message.to))",
            "Subject: =?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?=",
            "MIME-Version: 1.0",
        ]
        guard let attachment = message.attachment else {
            lines += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", message.body, ""]
            return lines.joined(separator: "\n")
        }
        let boundary = "eclairage-" + Token.random(length: 24)
        let encoded = Data(attachment.content.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        lines += [
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "",
            "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", message.body, "",
            "--\(boundary)", "Content-Type: \(header(attachment.contentType)); charset=utf-8",
            "Content-Disposition: attachment; filename=\"\(header(attachment.fileName).filter { $0 != "\"" })\"",
            "Content-Transfer-Encoding: base64", "", encoded, "--\(boundary)--", "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Header values never carry a line break (no header injection).
    static func header(_ value: String) -> String {
        String(value.filter { $0 != "\r" && $0 != "\n" })
    }

    struct MailError: Error { let status: Int32 }
}

/// Keeps messages in memory, for tests.
public actor RecordingMailer: Mailer {
    public private(set) var messages: [MailMessage] = []
    public init() {}
    public func send(_ message: MailMessage) async throws { messages.append(message) }
}
