import SQLKit

/// Registrations to sessions and their waiting list.
enum RegistrationQueries {
    static func insert(_ row: RegistrationRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "registrations").row(row).run()
    }

    static func update(_ row: RegistrationRow, in sql: any SQLDatabase) async throws {
        try await sql.update("registrations").set(row: row).where("id", .equal, SQLBind(row.id)).run()
    }

    static func find(token: String, in sql: any SQLDatabase) async throws -> RegistrationRow? {
        try await sql.select().column("*").from("registrations").where("token", .equal, SQLBind(token)).row(RegistrationRow.self)
    }

    static func all(of sessionID: String, in sql: any SQLDatabase) async throws -> [RegistrationRow] {
        try await sql.select().column("*").from("registrations").where("session_id", .equal, SQLBind(sessionID)).orderBy("position").rows(RegistrationRow.self)
    }

    static func of(sessions sessionIDs: [String], in sql: any SQLDatabase) async throws -> [RegistrationRow] {
        guard !sessionIDs.isEmpty else { return [] }
        return try await sql.select().column("*").from("registrations").where("session_id", .in, SQLBind.group(sessionIDs))
            .orderBy("session_id").orderBy("position").rows(RegistrationRow.self)
    }

    /// Offers whose deadline has passed, oldest first.
    static func lapsedOffers(now: Int64, in sql: any SQLDatabase) async throws -> [RegistrationRow] {
        try await sql.select().column("*").from("registrations").where("status", .equal, SQLBind(RegistrationRow.offered))
            .where("offered_until", .lessThan, SQLBind(now)).orderBy("offered_until").limit(200).rows(RegistrationRow.self)
    }

    static func setAttendance(sessionID: String, present: Set<String>, in sql: any SQLDatabase) async throws {
        for row in try await all(of: sessionID, in: sql) where row.status == RegistrationRow.confirmed {
            try await sql.update("registrations").set("attended", to: SQLBind(present.contains(row.id) ? 1 : 0))
                .where("id", .equal, SQLBind(row.id)).run()
        }
    }
}
