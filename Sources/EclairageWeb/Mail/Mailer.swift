import Foundation
import Logging

/// An e-mail to send: plain text, one recipient.
public struct MailMessage: Sendable, Equatable {
    public let to: String
    public let subject: String
    public let body: String
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

/// Hands the message to the host's `sendmail -t -i`, as Postfix, Exim and OpenSMTPD all accept.
struct SendmailMailer: Mailer {
    let path: String
    let from: String

    func send(_ message: MailMessage) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        let text = """
            From: \(Self.header(from))
            To: \(Self.header(message.to))
            Subject: =?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            \(message.body)

            """
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MailError(status: process.terminationStatus)
        }
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
