import EclairageDomain
import Foundation
import SQLKit

/// What an advisor's dashboard reads for all the associations it shows at once.
enum DashboardQueries {
    /// One association that granted the body access: its name, and whether an advisor opened it since.
    struct Followed: Sendable {
        let associationId: String
        let name: String
        let seenAt: Int64?
    }

    static func followed(body bodyID: String, in sql: any SQLDatabase) async throws -> [Followed] {
        try await sql.select().column(SQLColumn("association_id", table: "access_grants"))
            .column(SQLColumn("seen_at", table: "access_grants")).column(SQLColumn("name", table: "associations"))
            .from("access_grants")
            .join(
                "associations", on: SQLColumn("id", table: "associations"), .equal,
                SQLColumn("association_id", table: "access_grants")
            )
            .where(SQLColumn("support_body_id", table: "access_grants"), .equal, SQLBind(bodyID)).all().map { row in
                Followed(
                    associationId: try row.decode(column: "association_id", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    seenAt: try row.decode(column: "seen_at", as: Int64?.self))
            }
    }

    /// A diagnostic's figures as the dashboard reads them: the summary columns written with the stored
    /// scores, or, for a diagnostic scored before they existed and not yet backfilled, the stored JSON.
    struct Scored: Sendable {
        let associationId: String
        let overall: Int?
        let themeLines: String?
        let legacyScores: String?
    }

    /// The scored diagnostics of these associations (an overall score, or figures not summarised yet),
    /// newest first. Columns are read by name: no key conversion per row.
    static func diagnostics(associations ids: [String], in sql: any SQLDatabase) async throws -> [Scored] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().column("association_id").column("overall_score").column("theme_scores")
            .column(SQLRaw("CASE WHEN theme_scores IS NULL THEN scores END"), as: "legacy_scores")
            .from("diagnostics").where("association_id", .in, SQLBind.group(ids))
            .where { group in
                group.where("overall_score", .isNot, SQLLiteral.null).orWhere { legacy in
                    legacy.where("theme_scores", .is, SQLLiteral.null).where("scores", .isNot, SQLLiteral.null)
                }
            }
            .orderBy("created_at", .descending).all().map { row in
                Scored(
                    associationId: try row.decode(column: "association_id", as: String.self),
                    overall: try row.decode(column: "overall_score", as: Int?.self),
                    themeLines: try row.decode(column: "theme_scores", as: String?.self),
                    legacyScores: try row.decode(column: "legacy_scores", as: String?.self))
            }
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

extension DashboardQueries.Scored {
    /// nil for figures that cannot be read.
    var summary: ScoreSummary? {
        if let themeLines { return ScoreSummary(overall: overall, themeLines: themeLines) }
        guard let legacyScores,
            let snapshot = try? JSONDecoder().decode(ScoreSnapshot.self, from: Data(legacyScores.utf8))
        else { return nil }
        return ScoreSummary(snapshot)
    }
}
