import EclairageDomain
import SQLKit

/// What a support body's activity report reads: the plan steps of the associations it accompanies
/// closed in the period, its notes' minutes, its own sessions and their attendance.
enum ActivityQueries {
    static func closedSteps(associations ids: [String], from: Int64, to: Int64, in sql: any SQLDatabase)
        async throws -> [PlanQueries.Step]
    {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().column("*").from("plan_steps").where("association_id", .in, SQLBind.group(ids))
            .where("accepted", .equal, SQLBind(1)).where("closed_at", .greaterThanOrEqual, SQLBind(from))
            .where("closed_at", .lessThan, SQLBind(to)).rows(PlanQueries.Step.self)
    }

    struct NoteMinutes: Decodable { let minutes: Int? }

    /// The minutes of the body's notes dated in [first, end) (ISO days).
    static func noteMinutes(body bodyID: String, first: String, end: String, in sql: any SQLDatabase) async throws
        -> [Int]
    {
        try await sql.select().column("minutes").from("advisor_notes").where("support_body_id", .equal, SQLBind(bodyID))
            .where("noted_on", .greaterThanOrEqual, SQLBind(first)).where("noted_on", .lessThan, SQLBind(end))
            .rows(NoteMinutes.self).compactMap(\.minutes)
    }

    struct SessionRow: Decodable {
        let id: String
        let cancelled: Int
        let registered: Int
        let attended: Int
    }

    /// Sessions of trainings organised by the places the body runs, starting in [from, to), with their
    /// confirmed registrations and those marked present.
    static func sessions(body bodyID: String, from: Int64, to: Int64, in sql: any SQLDatabase) async throws
        -> [SessionRow]
    {
        try await sql.raw(
            """
            SELECT s.id AS id, s.cancelled AS cancelled,
                COALESCE(SUM(CASE WHEN r.status = \(bind: RegistrationRow.confirmed) THEN 1 ELSE 0 END), 0) AS registered,
                COALESCE(SUM(CASE WHEN r.attended = 1 THEN 1 ELSE 0 END), 0) AS attended
            FROM training_sessions s
            JOIN trainings t ON t.id = s.training_id
            JOIN places p ON p.id = t.place_id
            LEFT JOIN registrations r ON r.session_id = s.id
            WHERE p.support_body_id = \(bind: bodyID) AND s.starts_at >= \(bind: from) AND s.starts_at < \(bind: to)
            GROUP BY s.id, s.cancelled
            """
        ).all(decoding: SessionRow.self)
    }
}
