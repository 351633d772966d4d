import Foundation
import Hummingbird
import SQLKit

/// hummingbird's key/value store, kept in the `sessions` table so that several app servers
/// behind a load balancer share sessions, and a restart signs nobody out.
struct SQLPersistDriver: PersistDriver {
    let database: Database
    let time: TimeSource

    private struct Row: Codable {
        let id: String
        let data: String
        let expiresAt: Int64?
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let row = try Row(id: key, data: Self.encode(value), expiresAt: expires.map(deadline))
        do {
            try await database.write { sql in try await sql.insert(into: "sessions").row(row).run() }
        } catch {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = try Self.encode(value)
        let expiresAt = expires.map(deadline)
        try await database.transaction { sql in
            let existing = try await sql.select().column("id").from("sessions").where("id", .equal, SQLBind(key)).all()
            if existing.isEmpty {
                try await sql.insert(into: "sessions").row(Row(id: key, data: data, expiresAt: expiresAt)).run()
            } else {
                var update = sql.update("sessions").set("data", to: SQLBind(data)).where("id", .equal, SQLBind(key))
                if let expiresAt { update = update.set("expires_at", to: SQLBind(expiresAt)) }
                try await update.run()
            }
        }
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (
        object: Object, ttl: Duration?
    )? {
        let now = time.now()
        let row = try await database.read { sql in
            try await sql.select().columns("id", "data", "expires_at").from("sessions")
                .where("id", .equal, SQLBind(key)).row(Row.self)
        }
        guard let row else { return nil }
        if let expiresAt = row.expiresAt, expiresAt <= now {
            try await remove(key: key)
            return nil
        }
        guard let object = try? JSONDecoder().decode(Object.self, from: Data(row.data.utf8)) else {
            throw PersistError.invalidConversion
        }
        return (object, row.expiresAt.map { .seconds($0 - now) })
    }

    func remove(key: String) async throws {
        try await database.write { sql in
            try await sql.delete(from: "sessions").where("id", .equal, SQLBind(key)).run()
        }
    }

    /// Sessions past their expiry (housekeeping).
    static func purge(before now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "sessions").where("expires_at", .lessThanOrEqual, SQLBind(now)).run()
    }

    private static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private func deadline(_ duration: Duration) -> Int64 {
        time.now() + duration.components.seconds
    }
}
