import SQLKit

/// What the instance administrator sees: accounts and counts, no association's data.
enum AdminQueries {
    struct AccountRow: Sendable, Codable {
        let id: String
        let email: String
        let displayName: String
        let isAdmin: Int
        let isEditor: Int
    }

    static let countedTables = ["users", "associations", "support_bodies"]

    static func accounts(limit: Int, in sql: any SQLDatabase) async throws -> [AccountRow] {
        try await sql.select().columns("id", "email", "display_name", "is_admin", "is_editor").from("users").orderBy(
            "email"
        ).limit(limit).rows(AccountRow.self)
    }

    static func setEditor(_ userID: String, _ editor: Bool, in sql: any SQLDatabase) async throws {
        try await sql.update("users").set("is_editor", to: SQLBind(editor ? 1 : 0)).where("id", .equal, SQLBind(userID))
            .run()
    }

    static func isEditor(_ userID: String, in sql: any SQLDatabase) async throws -> Bool? {
        struct Row: Codable { let isEditor: Int }
        return try await sql.select().column("is_editor").from("users").where("id", .equal, SQLBind(userID)).row(
            Row.self
        ).map { $0.isEditor != 0 }
    }

    /// Rows in each of `countedTables`, in that order.
    static func counts(in sql: any SQLDatabase) async throws -> [Int] {
        var counts: [Int] = []
        for table in countedTables {
            counts.append(
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).row(
                    CountRow.self)?.n ?? 0)
        }
        return counts
    }

    /// Answers when the database does (`/healthz`).
    static func ping(in sql: any SQLDatabase) async throws {
        _ = try await sql.raw("SELECT 1 AS n").first(decoding: CountRow.self)
    }
}
