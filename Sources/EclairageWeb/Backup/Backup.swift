import Foundation
import SQLKit

/// A logical backup: every table's rows as JSON, read in one consistent snapshot while the site runs.
/// The same format for SQLite and PostgreSQL, so a backup moves between the two.
public struct Backup: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Tables in an order that satisfies foreign keys. Sessions and login attempts are transient and left out.
    static let tables = [
        "users", "associations", "memberships", "invitations", "support_bodies", "advisors", "access_grants", "password_resets",
        "diagnostics", "diagnostic_answers", "saved_steps", "access_log",
        "assets", "asset_holders", "asset_reminders", "handovers", "handover_items", "processing_activities", "breaches",
        "places", "place_services", "place_changes", "directory_imports", "directory_import_rows", "directory_version",
    ]

    public struct Archive: Codable, Sendable, Equatable {
        public var format = "eclairage-backup"
        public var formatVersion = 1
        public var schemaVersion: Int
        public var createdAt: Date
        public var tables: [String: [[String: Value]]]
    }

    public enum Value: Codable, Sendable, Equatable {
        case integer(Int64), real(Double), text(String), null

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let number = try? container.decode(Int64.self) { self = .integer(number) }
            else if let number = try? container.decode(Double.self) { self = .real(number) }
            else { self = .text(try container.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .integer(let number): try container.encode(number)
            case .real(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            case .null: try container.encodeNil()
            }
        }

        var bind: any SQLExpression {
            switch self {
            case .integer(let number): SQLBind(number)
            case .real(let number): SQLBind(number)
            case .text(let text): SQLBind(text)
            case .null: SQLLiteral.null
            }
        }
    }

    public func make() async throws -> Archive {
        let schemaVersion = try await Migrator(database: database).appliedVersions().last ?? 0
        let kind = database.kind
        let tables = try await database.snapshot { sql in
            var tables: [String: [[String: Value]]] = [:]
            for table in Self.tables {
                let types = try await Self.numericColumns(of: table, kind: kind, in: sql)
                let rows = try await sql.select().column("*").from(table).all()
                tables[table] = try rows.map { row in
                    var values: [String: Value] = [:]
                    for column in row.allColumns {
                        if try row.decodeNil(column: column) { values[column] = .null }
                        else if types.integers.contains(column) { values[column] = .integer(try row.decode(column: column, as: Int64.self)) }
                        else if types.reals.contains(column) { values[column] = .real(try row.decode(column: column, as: Double.self)) }
                        else { values[column] = .text(try row.decode(column: column, as: String.self)) }
                    }
                    return values
                }
            }
            return tables
        }
        return Archive(schemaVersion: schemaVersion, createdAt: Date(), tables: tables)
    }

    public func write(to path: String) async throws -> Archive {
        let archive = try await make()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let temporary = path + ".partiel"
        try encoder.encode(archive).write(to: URL(fileURLWithPath: temporary), options: .atomic)
        _ = try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return archive
    }

    public enum RestoreError: Error, CustomStringConvertible {
        case notABackup, schemaMismatch(backup: Int, database: Int), notEmpty

        public var description: String {
            switch self {
            case .notABackup: "Ce fichier n'est pas une sauvegarde Éclairage lisible."
            case .schemaMismatch(let backup, let database):
                "La sauvegarde est au schéma \(backup) et la base au schéma \(database) : utilisez la même version d'Éclairage."
            case .notEmpty: "La base de destination contient déjà des données : ajoutez --force pour les remplacer."
            }
        }
    }

    /// Restores into a migrated database, in one transaction. Refuses a non-empty database unless `replace`.
    public func restore(from path: String, replace: Bool) async throws -> Archive {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = FileManager.default.contents(atPath: path),
            let archive = try? decoder.decode(Archive.self, from: data), archive.format == "eclairage-backup"
        else { throw RestoreError.notABackup }
        let schemaVersion = try await Migrator(database: database).appliedVersions().last ?? 0
        guard archive.schemaVersion == schemaVersion else {
            throw RestoreError.schemaMismatch(backup: archive.schemaVersion, database: schemaVersion)
        }
        try await database.transaction { sql in
            let existing = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").row(CountRow.self)?.n ?? 0
            if existing > 0 && !replace { throw RestoreError.notEmpty }
            for table in Self.tables.reversed() + ["sessions", "rate_limits"] {
                try await sql.delete(from: table).run()
            }
            for table in Self.tables {
                for row in archive.tables[table] ?? [] {
                    let columns = row.keys.sorted()
                    try await sql.insert(into: table).columns(columns).values(columns.map { row[$0]!.bind }).run()
                }
            }
        }
        return archive
    }

    private struct ColumnInfo: Decodable { let name: String; let type: String }

    /// Integer and floating-point columns (the rest is text).
    static func numericColumns(of table: String, kind: Database.Kind, in sql: any SQLDatabase) async throws -> (integers: Set<String>, reals: Set<String>) {
        let columns: [ColumnInfo]
        switch kind {
        case .sqlite:
            columns = try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all(decoding: ColumnInfo.self)
        case .postgres:
            columns = try await sql.raw("SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = \(bind: table) AND table_schema = current_schema()").all(decoding: ColumnInfo.self)
        }
        return (
            Set(columns.filter { $0.type.uppercased().contains("INT") }.map(\.name)),
            Set(columns.filter { $0.type.uppercased().contains("DOUBLE") || $0.type.uppercased().contains("REAL") }.map(\.name))
        )
    }
}
