import SQLKit

/// Registrations to sessions and their waiting list.
enum RegistrationQueries {
    static func insert(_ row: RegistrationRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "registrations").row(row).run()
    }

    static func update(_ row: RegistrationRow, in sql: any SQLDatabase) async throws {
        try await sql.update("registrations").set(row: row).where("id", .equal, SQLBind(row.id)).run()
    }

    /// The registration a link opens (looked up by the link's hash).
    static func find(token: String, in sql: any SQLDatabase) async throws -> RegistrationRow? {
        try await sql.select().column("*").from("registrations").where(
            "token_hash", .equal, SQLBind(TokenHash.of(token))
        )
        .row(RegistrationRow.self)
    }

    static func find(id: String, in sql: any SQLDatabase) async throws -> RegistrationRow? {
        try await sql.select().column("*").from("registrations").where("id", .equal, SQLBind(id)).row(
            RegistrationRow.self)
    }

    static func setTokenHash(_ hash: String, of id: String, in sql: any SQLDatabase) async throws {
        try await sql.update("registrations").set("token_hash", to: SQLBind(hash)).where("id", .equal, SQLBind(id))
            .run()
    }

    struct LegacyToken: Codable {
        let id: String
        let tokenHash: String
    }

    /// Rows still holding a link in clear (from before links were hashed): a hash is 64 hexadecimal
    /// characters, a link 26 characters.
    static func clearTokens(in sql: any SQLDatabase) async throws -> [LegacyToken] {
        try await sql.select().columns("id", "token_hash").from("registrations")
            .where(SQLFunction("LENGTH", args: SQLIdentifier("token_hash")), .notEqual, SQLBind(64)).limit(500).rows(
                LegacyToken.self)
    }

    static func all(of sessionID: String, in sql: any SQLDatabase) async throws -> [RegistrationRow] {
        try await sql.select().column("*").from("registrations").where("session_id", .equal, SQLBind(sessionID))
            .orderBy("position").rows(RegistrationRow.self)
    }

    static func of(sessions sessionIDs: [String], in sql: any SQLDatabase) async throws -> [RegistrationRow] {
        guard !sessionIDs.isEmpty else { return [] }
        return try await sql.select().column("*").from("registrations").where(
            "session_id", .in, SQLBind.group(sessionIDs)
        )
        .orderBy("session_id").orderBy("position").rows(RegistrationRow.self)
    }

    /// Offers whose deadline has passed, oldest first.
    static func lapsedOffers(now: Int64, in sql: any SQLDatabase) async throws -> [RegistrationRow] {
        try await sql.select().column("*").from("registrations").where(
            "status", .equal, SQLBind(RegistrationRow.offered)
        )
        .where("offered_until", .lessThan, SQLBind(now)).orderBy("offered_until").limit(200).rows(RegistrationRow.self)
    }

    static func setAttendance(sessionID: String, present: Set<String>, in sql: any SQLDatabase) async throws {
        for row in try await all(of: sessionID, in: sql) where row.status == RegistrationRow.confirmed {
            try await sql.update("registrations").set("attended", to: SQLBind(present.contains(row.id) ? 1 : 0))
                .where("id", .equal, SQLBind(row.id)).run()
        }
    }

    /// Someone who came without registering, added present at the end of the list.
    static func addWalkIn(
        name: String, email: String, session sessionID: String, id: String, tokenHash: String, now: Int64,
        in sql: any SQLDatabase
    ) async throws {
        let last = try await all(of: sessionID, in: sql).map(\.position).max() ?? 0
        try await insert(
            RegistrationRow(
                id: id, sessionId: sessionID, tokenHash: tokenHash, name: name, email: email,
                status: RegistrationRow.confirmed, position: last + 1, offeredUntil: nil, attended: 1, createdAt: now,
                updatedAt: now), in: sql)
    }
}
