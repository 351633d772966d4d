import EclairageDomain
import SQLKit

/// Reading and writing accounts.
enum UserQueries {
    static func find(id: String, in sql: any SQLDatabase) async throws -> User? {
        try await sql.select().column("*").from("users").where("id", .equal, SQLBind(id)).row(User.self)
    }

    static func find(email: String, in sql: any SQLDatabase) async throws -> User? {
        try await sql.select().column("*").from("users").where("email", .equal, SQLBind(email)).row(User.self)
    }

    /// The language each address's account reads the site in, for the addresses that have one (one query).
    static func locales(of emails: [String], in sql: any SQLDatabase) async throws -> [String: Language] {
        guard !emails.isEmpty else { return [:] }
        struct Row: Decodable {
            let email: String
            let locale: String
        }
        let rows = try await sql.select().column("email").column("locale").from("users")
            .where("email", .in, SQLBind.group(emails)).all(decoding: Row.self)
        return Dictionary(rows.compactMap { row in Language(rawValue: row.locale).map { (row.email, $0) } }) { a, _ in a
        }
    }

    static func insert(_ user: User, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "users").row(user).run()
    }

    /// The new password, and the next session generation: every session opened before ends.
    static func updatePassword(userID: String, hash: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("users")
            .set("password_hash", to: SQLBind(hash))
            .set("password_changed_at", to: SQLBind(now))
            .set(SQLIdentifier("session_generation"), to: SQLRaw("session_generation + 1"))
            .where("id", .equal, SQLBind(userID)).run()
    }

    static func makeAdmin(userID: String, in sql: any SQLDatabase) async throws {
        try await sql.update("users").set("is_admin", to: SQLBind(1)).where("id", .equal, SQLBind(userID)).run()
    }

    static func setLocale(userID: String, language: Language, in sql: any SQLDatabase) async throws {
        try await sql.update("users").set("locale", to: SQLBind(language.rawValue))
            .where("id", .equal, SQLBind(userID)).run()
    }

    /// Deletes the account; memberships and grants go with it (foreign keys cascade).
    static func delete(userID: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "users").where("id", .equal, SQLBind(userID)).run()
    }

    static func count(in sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").row(
            CountRow.self)?.n ?? 0
    }
}
