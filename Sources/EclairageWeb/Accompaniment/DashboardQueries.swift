import SQLKit

/// What an advisor's dashboard reads for all the associations it shows at once.
enum DashboardQueries {
    struct Scored: Codable, Sendable {
        let id: String
        let associationId: String
        let createdAt: Int64
        let scores: String?
    }

    /// Every diagnostic of these associations with its stored scores, newest first.
    static func diagnostics(associations ids: [String], in sql: any SQLDatabase) async throws -> [Scored] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().columns("id", "association_id", "created_at", "scores").from("diagnostics")
            .where("association_id", .in, SQLBind.group(ids)).orderBy("created_at", .descending)
            .rows(Scored.self)
    }

    struct Seen: Codable, Sendable { let associationId: String }

    /// The associations this advisor's dashboard already logged since `since` (the start of the day).
    static func loggedToday(user userID: String, since: Int64, in sql: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await sql.select().distinct().column("association_id").from("access_log")
                .where("user_id", .equal, SQLBind(userID)).where("what", .equal, SQLBind("dashboard"))
                .where("at", .greaterThanOrEqual, SQLBind(since)).rows(Seen.self).map(\.associationId))
    }
}
