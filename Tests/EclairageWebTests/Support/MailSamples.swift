import EclairageDomain
import Foundation
import Synchronization

@testable import EclairageWeb

/// With `MAIL_SAMPLES_DIR` set, every message the suite sends is also written there as the production
/// formatter renders it (`<n>.eml`) beside what it was meant to say (`<n>.json`), for CI's independent
/// check with Python's `email` package (`scripts/mail_check.py`).
enum MailSamples {
    static let directory: URL? = ProcessInfo.processInfo.environment["MAIL_SAMPLES_DIR"]
        .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
    static let count = Mutex(0)

    struct Meant: Encodable {
        struct Attachment: Encodable {
            let filename: String
            let contentType: String
            let content: String
        }
        let to: String
        let subject: String
        let fromName: String?
        let fromAddress: String
        let body: String
        let attachment: Attachment?
    }

    static func observer(from: MailAddress, time: TimeSource) -> (@Sendable (MailMessage) throws -> Void)? {
        guard let directory else { return nil }
        return { message in
            let n = count.withLock { value in
                value += 1
                return value
            }
            let name = "\(ProcessInfo.processInfo.processIdentifier)-\(n)"
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(MailFormat.render(message, from: from, date: time.now()).utf8).write(
                to: directory.appendingPathComponent(name + ".eml"))
            let meant = Meant(
                to: message.to, subject: message.subject, fromName: from.name, fromAddress: from.address,
                body: message.body,
                attachment: message.attachment.map {
                    .init(filename: $0.fileName, contentType: $0.contentType, content: $0.content)
                }
            )
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(meant).write(to: directory.appendingPathComponent(name + ".json"))
        }
    }
}
