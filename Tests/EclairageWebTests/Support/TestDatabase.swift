import EclairageDomain
import Foundation
import Logging
import PostgresKit

@testable import EclairageWeb

/// A fresh, empty database per test: a new SQLite file, or — when `DATABASE_URL` is set — a new
/// PostgreSQL database created for the test and dropped after it. No test sees another's rows.
enum TestDatabase {
    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    static var usesPostgres: Bool { ProcessInfo.processInfo.environment["DATABASE_URL"] != nil }

    /// At most this many test databases at once: a PostgreSQL server accepts 100 connections by default.
    static let slots = TestSlots(count: 8)

    static func with<R>(_ body: (Database, String?) async throws -> R) async throws -> R {
        await slots.acquire()
        do {
            let result = try await withoutLimit(body)
            await slots.release()
            return result
        } catch {
            await slots.release()
            throw error
        }
    }

    private static func withoutLimit<R>(_ body: (Database, String?) async throws -> R) async throws -> R {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
            let name = "eclairage_test_\(Token.random(length: 12))"
            // Few connections per test: the suite runs tests in parallel against one server.
            let admin = try Database.postgres(url: url, logger: logger, connectionsPerEventLoop: 1)
            try await admin.read { try await $0.raw(SQLQueryString("CREATE DATABASE \(unsafeRaw: name)")).run() }
            let testURL = replacingDatabase(in: url, with: name)
            let database = try Database.postgres(url: testURL, logger: logger, connectionsPerEventLoop: 2)
            do {
                let result = try await body(database, testURL)
                await database.shutdown()
                try await admin.read { try await $0.raw(SQLQueryString("DROP DATABASE \(unsafeRaw: name)")).run() }
                await admin.shutdown()
                return result
            } catch {
                await database.shutdown()
                try? await admin.read { try await $0.raw(SQLQueryString("DROP DATABASE \(unsafeRaw: name)")).run() }
                await admin.shutdown()
                throw error
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eclairage-test-\(Token.random(length: 12)).sqlite"
        ).path
        let database = Database.sqlite(path: path, logger: logger)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let result = try await body(database, nil)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/\(name)"
        return components.string!
    }
}

/// A counting semaphore for tests.
actor TestSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
