import SQLKit

/// What the instance administrator sees: accounts and counts, no association's data.
enum AdminQueries {
    struct AccountRow: Sendable, Codable { let email: String; let displayName: String; let isAdmin: Int }

    static let countedTables = ["users", "associations", "support_bodies"]

    static func accounts(limit: Int, in sql: any SQLDatabase) async throws -> [AccountRow] {
        try await sql.select().columns("email", "display_name", "is_admin").from("users").orderBy("email").limit(limit).rows(AccountRow.self)
    }

    /// Rows in each of `countedTables`, in that order.
    static func counts(in sql: any SQLDatabase) async throws -> [Int] {
        var counts: [Int] = []
        for table in countedTables {
            counts.append(try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).row(CountRow.self)?.n ?? 0)
        }
        return counts
    }

    /// Answers when the database does (`/healthz`).
    static func ping(in sql: any SQLDatabase) async throws {
        _ = try await sql.raw("SELECT 1 AS n").first(decoding: CountRow.self)
    }
}
