import Foundation
import SQLKit

/// A logical backup: every table's rows as JSON, read in one consistent snapshot while the site runs.
/// The same format for SQLite and PostgreSQL, so a backup moves between the two.
public struct Backup: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What a restore does with a table the backup leaves out.
    enum LeftOut: Sendable {
        /// Emptied by a restore: it belongs to the running instance, not to its data.
        case cleared(String)
        /// Left as it is: kept by something else.
        case kept(String)
    }

    /// The tables a backup leaves out, each with its reason. Every other table of the migrated schema
    /// is backed up and restored: a table a migration adds is in the next backup without a list to
    /// update (a test checks that each name here exists).
    static let leftOut: [String: LeftOut] = [
        "sessions": .cleared("sessions de connexion : chacun se reconnecte après une restauration"),
        "rate_limits": .cleared("compteurs de tentatives, valables quelques minutes"),
        "outbox": .cleared("courriels en attente : une instance restaurée n'envoie pas ceux d'une autre"),
        "scheduled_jobs": .cleared("dates des tâches programmées, inscrites à nouveau au démarrage"),
        "schema_migrations": .kept("tenue par les migrations ; la sauvegarde note la version du schéma"),
        "tool_search": .kept("index de recherche du catalogue, reconstruit depuis Content/ au démarrage"),
    ]

    /// The tables backed up, parents before children, read from the schema.
    static func backedUp(_ schema: Schema) -> [Schema.Table] {
        schema.tables.filter { leftOut[$0.name] == nil }
    }

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
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Int64.self) {
                self = .integer(number)
            } else if let number = try? container.decode(Double.self) {
                self = .real(number)
            } else {
                self = .text(try container.decode(String.self))
            }
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
            for table in Self.backedUp(try await Schema.read(kind: kind, in: sql)) {
                tables[table.name] = try await Self.rows(of: table, in: sql)
            }
            return tables
        }
        return Archive(schemaVersion: schemaVersion, createdAt: Date(), tables: tables)
    }

    /// A table's rows, in primary-key order, each value typed by its column.
    static func rows(of table: Schema.Table, in sql: any SQLDatabase) async throws -> [[String: Value]] {
        var query = sql.select().column("*").from(table.name)
        for column in table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey {
            query = query.orderBy(column)
        }
        let kinds = Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.kind) })
        return try await query.all().map { row in
            var values: [String: Value] = [:]
            for column in row.allColumns where kinds[column] != nil {
                if try row.decodeNil(column: column) {
                    values[column] = .null
                    continue
                }
                switch kinds[column] {
                case .integer: values[column] = .integer(try row.decode(column: column, as: Int64.self))
                case .real: values[column] = .real(try row.decode(column: column, as: Double.self))
                default: values[column] = .text(try row.decode(column: column, as: String.self))
                }
            }
            return values
        }
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

    /// What a restore did: rows per table restored, tables emptied, tables the file lacked.
    public struct Restored: Sendable {
        public var tables: [(name: String, rows: Int)] = []
        public var cleared: [String] = []
        /// Tables of the schema the file does not hold (a backup made before they were backed up): left empty.
        public var missing: [String] = []
        public var rows: Int { tables.map(\.rows).reduce(0, +) }
    }

    /// Restores into a migrated database, in one transaction: every backed-up table is replaced by the
    /// file's rows (children emptied before parents, then parents filled first), the instance's own
    /// tables are emptied. Refuses a non-empty database unless `replace`.
    public func restore(from path: String, replace: Bool) async throws -> Restored {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = FileManager.default.contents(atPath: path),
            let archive = try? decoder.decode(Archive.self, from: data), archive.format == "eclairage-backup"
        else { throw RestoreError.notABackup }
        let schemaVersion = try await Migrator(database: database).appliedVersions().last ?? 0
        guard archive.schemaVersion == schemaVersion else {
            throw RestoreError.schemaMismatch(backup: archive.schemaVersion, database: schemaVersion)
        }
        let kind = database.kind
        return try await database.transaction { sql in
            let existing =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").row(
                    CountRow.self)?.n ?? 0
            if existing > 0 && !replace { throw RestoreError.notEmpty }
            let schema = try await Schema.read(kind: kind, in: sql)
            var restored = Restored()
            for table in schema.tables.reversed() {
                switch Self.leftOut[table.name] {
                case .kept: continue
                case .cleared: restored.cleared.insert(table.name, at: 0)
                case nil: break
                }
                try await sql.delete(from: table.name).run()
            }
            for table in Self.backedUp(schema) {
                guard let rows = archive.tables[table.name] else {
                    restored.missing.append(table.name)
                    continue
                }
                try await Self.insert(rows, into: table, in: sql)
                restored.tables.append((table.name, rows.count))
            }
            return restored
        }
    }

    /// Inserts rows by batches (one statement for up to 100 rows), with the schema's columns: a value
    /// the file lacks is NULL, a column the schema lacks is ignored.
    static func insert(_ rows: [[String: Value]], into table: Schema.Table, in sql: any SQLDatabase) async throws {
        let columns = table.columns.map(\.name)
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + 100, rows.count)]
            var insert = sql.insert(into: table.name).columns(columns)
            for row in batch { insert = insert.values(columns.map { (row[$0] ?? .null).bind }) }
            try await insert.run()
            start += batch.count
        }
    }
}
