import EclairageDomain
import Foundation
import Subprocess
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands the message to the host's `sendmail -t -i`, as Postfix, Exim and OpenSMTPD all accept,
/// through swift-subprocess: its input is written asynchronously, and a write to a `sendmail` that
/// closed its input is an error (EPIPE, SIGPIPE being ignored), not a trap. Whatever `sendmail`
/// does — exit at once, read part of the message, hang (killed after `timeout`, with anything it
/// started), write garbage, exit non-zero — the send throws, and the outbox counts a failed attempt.
struct SendmailMailer: Mailer {
    let path: String
    let from: MailAddress
    let time: TimeSource
    let timeout: Duration

    /// More than this on the standard error is not an MTA's message: the attempt fails.
    static let errorLimit = 16 * 1024

    init(path: String, from: MailAddress, time: TimeSource, timeout: Duration = .seconds(60)) {
        ProcessSignals.ignoreBrokenPipe()
        self.path = path
        self.from = from
        self.time = time
        self.timeout = timeout
    }

    struct MailError: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ message: MailMessage) async throws {
        let bytes = Array(MailFormat.render(message, from: from, date: time.now()).utf8)
        let timeout = self.timeout
        let result: ExecutionRecord? = try await withThrowingTaskGroup(of: ExecutionRecord?.self) { group in
            group.addTask { try await self.run(bytes) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }  // a timeout cancels the run, which kills sendmail
            return try await group.next() ?? nil
        }
        guard let result else {
            throw MailError(description: "sendmail n'a pas terminé en \(timeout.components.seconds) s : arrêté")
        }
        guard result.written == bytes.count else {
            throw MailError(
                description: "sendmail n'a lu que \(result.written) octets sur \(bytes.count) (\(result.status))")
        }
        guard result.status.isSuccess else {
            throw MailError(description: "sendmail a échoué (\(result.status)) : \(result.errorText)")
        }
    }

    struct ExecutionRecord: Sendable {
        let written: Int
        let status: TerminationStatus
        let errorText: String
    }

    /// One run of `sendmail`; cancelled, swift-subprocess kills its process group.
    private func run(_ bytes: [UInt8]) async throws -> ExecutionRecord {
        var options = PlatformOptions()
        options.createSession = true  // its own process group: a timeout also stops what it started
        options.teardownSequence = [
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))
        ]
        let result = try await Subprocess.run(
            .path(FilePath(path)), arguments: ["-t", "-i"], platformOptions: options,
            input: .inputWriter, output: .discarded, error: .bytes(limit: Self.errorLimit)
        ) { execution in
            let written = try await execution.standardInputWriter.write(bytes)
            try await execution.standardInputWriter.finish()
            return written
        }
        // What an MTA says is text: anything else (controls, bytes that are not UTF-8) is left out.
        let text = String(decoding: result.standardError.prefix(300), as: UTF8.self).unicodeScalars
            .filter { $0.properties.generalCategory != .control && $0 != "\u{FFFD}" }.map(String.init).joined()
        return ExecutionRecord(written: result.closureResult, status: result.terminationStatus, errorText: text)
    }
}

/// Signals the server deals with once, for the whole process.
public enum ProcessSignals {
    /// Writing to a pipe whose reader has gone (a `sendmail` that exited early) raises SIGPIPE, whose
    /// default action ends the process. Ignored, the write fails with EPIPE instead, which the mailer
    /// reports as a failed attempt. SwiftNIO ignores it too, but only once it opens its first socket,
    /// which the outbox must not depend on. Children get the default action back (swift-subprocess
    /// resets signal dispositions when it spawns).
    public static func ignoreBrokenPipe() {
        _ = ignored
    }

    private static let ignored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()
}
