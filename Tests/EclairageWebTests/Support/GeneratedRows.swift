import SQLKit

@testable import EclairageWeb

/// Two rows in every table of the migrated schema, made from the schema alone (so a table a migration
/// adds gets rows without this file changing): the first with every column filled, the second with
/// every nullable column NULL. A foreign key takes the referenced value of the parent's row of the
/// same rank. Text carries accents, quotes, a line break and a character outside the BMP.
enum GeneratedRows {
    static func fill(_ database: Database, skipping: Set<String>) async throws {
        let kind = database.kind
        try await database.write { sql in
            let schema = try await Schema.read(kind: kind, in: sql)
            var made: [String: [[String: Backup.Value]]] = [:]
            for table in schema.tables where !skipping.contains(table.name) {
                let existing = try await Backup.rows(of: table, in: sql)
                if !existing.isEmpty {
                    made[table.name] = existing + existing  // a table a migration seeded keeps its row
                    continue
                }
                var rows: [[String: Backup.Value]] = []
                for rank in 0..<2 {
                    var row: [String: Backup.Value] = [:]
                    for column in table.columns {
                        if let key = table.foreignKeys.first(where: { $0.column == column.name }) {
                            let parent = made[key.parent] ?? []
                            row[column.name] =
                                rank == 1 && !column.notNull
                                ? .null : parent[min(rank, max(parent.count - 1, 0))][key.parentColumn] ?? .null
                        } else if rank == 1 && !column.notNull && column.primaryKey == nil {
                            row[column.name] = .null
                        } else {
                            row[column.name] = value(column, table: table.name, rank: rank)
                        }
                    }
                    rows.append(row)
                }
                try await Backup.insert(rows, into: table, in: sql)
                made[table.name] = rows
            }
        }
    }

    static func value(_ column: Schema.Column, table: String, rank: Int) -> Backup.Value {
        switch column.kind {
        case .integer: .integer(Int64(3 + rank))
        case .real: .real(rank == 0 ? 47.25 : -0.5)
        case .text: .text("\(table).\(column.name) #\(rank) é « x » 'q' \"d\"\nligne 2 🌿")
        }
    }
}
