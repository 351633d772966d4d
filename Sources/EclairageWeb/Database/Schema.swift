import SQLKit

/// The migrated schema as the database itself describes it (`pragma_table_list` and friends on SQLite,
/// `information_schema` on PostgreSQL): tables, their columns and the foreign keys between them.
/// Backups and their tests read it, so that a table added by a migration is known without a list.
struct Schema: Sendable {
    struct Column: Sendable, Equatable {
        enum Kind: Sendable { case integer, real, text }
        let name: String
        let kind: Kind
        let notNull: Bool
        /// Position in the primary key (1, 2 …), nil when not part of it.
        let primaryKey: Int?
    }

    struct ForeignKey: Sendable, Equatable {
        let column: String
        let parent: String
        /// The referenced column (the parent's primary key when the schema does not name one).
        let parentColumn: String
    }

    struct Table: Sendable {
        let name: String
        let columns: [Column]
        let foreignKeys: [ForeignKey]

        var primaryKey: [String] {
            columns.filter { $0.primaryKey != nil }.sorted { $0.primaryKey! < $1.primaryKey! }.map(\.name)
        }
    }

    /// Tables in an order where each comes after the tables it refers to (ties by name).
    let tables: [Table]

    subscript(name: String) -> Table? { tables.first { $0.name == name } }

    /// Reads the schema: base and virtual tables (SQLite's shadow tables, the inside of a full-text
    /// index, are left out), in foreign-key order.
    static func read(kind: Database.Kind, in sql: any SQLDatabase) async throws -> Schema {
        var tables: [Table] = []
        for name in try await tableNames(kind: kind, in: sql) {
            let columns = try await self.columns(of: name, kind: kind, in: sql)
            tables.append(
                Table(name: name, columns: columns, foreignKeys: try await foreignKeys(of: name, kind: kind, in: sql)))
        }
        // An unnamed referenced column is the parent's primary key.
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        tables = tables.map { table in
            Table(
                name: table.name, columns: table.columns,
                foreignKeys: table.foreignKeys.map { key in
                    key.parentColumn.isEmpty
                        ? ForeignKey(
                            column: key.column, parent: key.parent,
                            parentColumn: byName[key.parent]?.primaryKey.first ?? "id") : key
                })
        }
        return Schema(tables: ordered(tables))
    }

    /// Parents first: a table comes once every table it refers to is placed (ties by name). A table in
    /// a cycle (none today) is placed after the others, by name.
    static func ordered(_ tables: [Table]) -> [Table] {
        let names = Set(tables.map(\.name))
        var remaining = tables.sorted { $0.name < $1.name }
        var placed: Set<String> = []
        var result: [Table] = []
        while !remaining.isEmpty {
            let index =
                remaining.firstIndex { table in
                    table.foreignKeys.allSatisfy {
                        $0.parent == table.name || placed.contains($0.parent) || !names.contains($0.parent)
                    }
                } ?? 0
            let table = remaining.remove(at: index)
            placed.insert(table.name)
            result.append(table)
        }
        return result
    }

    private struct NameRow: Decodable { let name: String }
    private struct ColumnRow: Decodable {
        let name: String
        let type: String
        let notNull: Int
        let pk: Int
    }
    private struct KeyRow: Decodable {
        let column: String
        let parent: String
        let parentColumn: String?
    }

    private static func tableNames(kind: Database.Kind, in sql: any SQLDatabase) async throws -> [String] {
        let query: SQLQueryString =
            switch kind {
            case .sqlite:
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            case .postgres:
                "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            }
        return try await sql.raw(query).all(decoding: NameRow.self).map(\.name)
    }

    private static func columns(of table: String, kind: Database.Kind, in sql: any SQLDatabase) async throws -> [Column]
    {
        let query: SQLQueryString =
            switch kind {
            case .sqlite:
                "SELECT name, type, \"notnull\" AS not_null, pk FROM pragma_table_info(\(bind: table)) ORDER BY cid"
            case .postgres:
                """
                SELECT c.column_name::text AS name, c.data_type::text AS type, CASE c.is_nullable WHEN 'NO' THEN 1 ELSE 0 END AS not_null,
                       COALESCE((SELECT k.ordinal_position::int FROM information_schema.table_constraints t
                                 JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
                                 WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.constraint_type = 'PRIMARY KEY'
                                 AND k.column_name = c.column_name), 0) AS pk
                FROM information_schema.columns c
                WHERE c.table_schema = current_schema() AND c.table_name = \(bind: table) AND c.is_generated = 'NEVER'
                ORDER BY c.ordinal_position
                """
            }
        return try await sql.raw(query).all(decoding: ColumnRow.self, keyDecodingStrategy: .convertFromSnakeCase).map {
            row in
            let type = row.type.uppercased()
            let kind: Column.Kind =
                type.contains("INT")
                ? .integer
                : type.contains("DOUBLE") || type.contains("REAL") || type.contains("FLOAT") ? .real : .text
            return Column(name: row.name, kind: kind, notNull: row.notNull != 0, primaryKey: row.pk > 0 ? row.pk : nil)
        }
    }

    private static func foreignKeys(of table: String, kind: Database.Kind, in sql: any SQLDatabase) async throws
        -> [ForeignKey]
    {
        let query: SQLQueryString =
            switch kind {
            case .sqlite:
                "SELECT \"from\" AS \"column\", \"table\" AS parent, \"to\" AS parent_column FROM pragma_foreign_key_list(\(bind: table)) ORDER BY id, seq"
            case .postgres:
                """
                SELECT k.column_name::text AS "column", u.table_name::text AS parent, u.column_name::text AS parent_column
                FROM information_schema.table_constraints t
                JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
                JOIN information_schema.constraint_column_usage u ON u.constraint_name = t.constraint_name AND u.table_schema = t.table_schema
                WHERE t.constraint_type = 'FOREIGN KEY' AND t.table_schema = current_schema() AND t.table_name = \(bind: table)
                ORDER BY k.column_name
                """
            }
        return try await sql.raw(query).all(decoding: KeyRow.self, keyDecodingStrategy: .convertFromSnakeCase).map {
            ForeignKey(column: $0.column, parent: $0.parent, parentColumn: $0.parentColumn ?? "")
        }
    }
}
