import SQLKit

/// The accounts that manage a place: they organise its trainings and see their registrants.
enum PlaceManagerQueries {
    struct Manager: Codable, Sendable, Equatable {
        let userId: String
        let displayName: String
        let email: String
        let origin: String
    }

    static func isManager(place placeID: String, user userID: String, in sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("user_id").from("place_managers").where("place_id", .equal, SQLBind(placeID))
            .where("user_id", .equal, SQLBind(userID)).first() != nil
    }

    /// Links the account to the place (again changes nothing).
    static func add(place placeID: String, user userID: String, origin: String, now: Int64, in sql: any SQLDatabase)
        async throws
    {
        try await sql.insert(into: "place_managers").columns("place_id", "user_id", "origin", "created_at")
            .values(SQLBind(placeID), SQLBind(userID), SQLBind(origin), SQLBind(now))
            .ignoringConflicts(with: ["place_id", "user_id"]).run()
    }

    /// Unlinks the account from the place (its trainings stay; it no longer organises them).
    static func remove(place placeID: String, user userID: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "place_managers").where("place_id", .equal, SQLBind(placeID))
            .where("user_id", .equal, SQLBind(userID)).run()
    }

    static func managers(of placeID: String, in sql: any SQLDatabase) async throws -> [Manager] {
        try await sql.select().column(SQLColumn("user_id", table: "place_managers")).column("display_name")
            .column("email").column("origin")
            .from("place_managers").join(
                "users", on: SQLColumn("user_id", table: "place_managers"), .equal,
                SQLColumn("id", table: "users")
            )
            .where(SQLColumn("place_id", table: "place_managers"), .equal, SQLBind(placeID))
            .orderBy("display_name").rows(Manager.self)
    }

    /// The places this account manages (ids).
    static func places(of userID: String, in sql: any SQLDatabase) async throws -> [String] {
        struct Row: Codable { let placeId: String }
        return try await sql.select().column("place_id").from("place_managers").where(
            "user_id", .equal, SQLBind(userID)
        )
        .rows(Row.self).map(\.placeId)
    }
}
