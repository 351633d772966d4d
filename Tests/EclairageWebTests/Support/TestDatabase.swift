import Foundation
import Logging
import PostgresKit
@testable import EclairageWeb
import EclairageDomain

/// A fresh, empty database per test: a new SQLite file, or — when `DATABASE_URL` is set — a new
/// PostgreSQL database created for the test and dropped after it. No test sees another's rows.
enum TestDatabase {
    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    static var usesPostgres: Bool { ProcessInfo.processInfo.environment["DATABASE_URL"] != nil }

    static func with<R>(_ body: (Database, String?) async throws -> R) async throws -> R {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
            let name = "eclairage_test_\(Token.random(length: 12))"
            let admin = try Database.postgres(url: url, logger: logger)
            try await admin.read { try await $0.raw(SQLQueryString("CREATE DATABASE \(unsafeRaw: name)")).run() }
            let testURL = replacingDatabase(in: url, with: name)
            let database = try Database.postgres(url: testURL, logger: logger)
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
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eclairage-test-\(Token.random(length: 12)).sqlite").path
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
