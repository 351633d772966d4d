import EclairageDomain
import SQLKit

/// The association's action plan ("feuille de route"): steps kept from a report or an inventory
/// alert, written by hand, or proposed by an advisor and waiting for the association to accept them.
enum PlanQueries {
    struct Step: Codable, Sendable {
        let id: String
        let associationId: String
        let diagnosticId: String?
        /// Where it comes from: `step` (a report's next step), `tool` (need:tool), `inventory` (an
        /// alert), `own` (written by hand; `reference` is then its id).
        let kind: String
        let reference: String
        var title: String
        let createdBy: String?
        let createdAt: Int64
        var status: String = PlanStatus.todo.rawValue
        var detail: String = ""
        var ownerName: String = ""
        /// ISO day.
        var dueOn: String? = nil
        var closingNote: String = ""
        var estimateHours: Int? = nil
        var estimateEuros: Int? = nil
        var volunteerMinutes: Int = 0
        var advisorMinutes: Int = 0
        /// The support body whose advisor proposed it.
        var proposedBy: String? = nil
        /// 0 while a proposal waits for the association.
        var accepted: Int = 1
        var updatedAt: Int64
        var closedAt: Int64? = nil
        /// The theme it works on: the report step's theme, or the one chosen for a step written by hand.
        var theme: String? = nil
        var remindedAt: Int64? = nil
        /// The calendar's training it relates to (the step shows no link once that training is deleted).
        var trainingId: String? = nil
    }

    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [Step] {
        try await sql.select().column("*").from("plan_steps").where("association_id", .equal, SQLBind(associationID))
            .orderBy("created_at").orderBy("title").rows(Step.self)
    }

    static func find(id: String, association associationID: String, in sql: any SQLDatabase) async throws -> Step? {
        try await sql.select().column("*").from("plan_steps").where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(associationID)).row(Step.self)
    }

    static func exists(associationID: String, kind: String, reference: String, in sql: any SQLDatabase) async throws
        -> Bool
    {
        try await !sql.select().column("id").from("plan_steps").where("association_id", .equal, SQLBind(associationID))
            .where("kind", .equal, SQLBind(kind)).where("reference", .equal, SQLBind(reference)).all().isEmpty
    }

    static func insert(_ step: Step, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "plan_steps").row(step).run()
    }

    static func update(_ step: Step, in sql: any SQLDatabase) async throws {
        try await sql.update("plan_steps").set(row: step).where("id", .equal, SQLBind(step.id)).run()
    }

    static func delete(id: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "plan_steps").where("id", .equal, SQLBind(id)).run()
    }

    /// Open and overdue accepted steps per association, for a dashboard (one query for all).
    struct Counts: Codable, Sendable {
        let associationId: String
        let open: Int
        let overdue: Int
    }

    static func counts(associations ids: [String], today: String, in sql: any SQLDatabase) async throws -> [Counts] {
        guard !ids.isEmpty else { return [] }
        let open: [any Encodable & Sendable] = [PlanStatus.todo.rawValue, PlanStatus.doing.rawValue]
        return try await sql.raw(
            """
            SELECT association_id, COUNT(*) AS open,
                SUM(CASE WHEN due_on IS NOT NULL AND due_on < \(bind: today) THEN 1 ELSE 0 END) AS overdue
            FROM plan_steps WHERE association_id IN (\(binds: ids)) AND accepted = 1 AND status IN (\(binds: open))
            GROUP BY association_id
            """
        ).all().map { row in
            Counts(
                associationId: try row.decode(column: "association_id", as: String.self),
                open: try row.decode(column: "open", as: Int.self),
                overdue: try row.decode(column: "overdue", as: Int.self))
        }
    }
}

extension PlanQueries {
    struct RateRow: Decodable {
        let volunteerRateCents: Int?
        let volunteerRateRule: String
    }

    /// The association's valuation of its volunteers' hours, if it chose one.
    static func volunteerValue(of associationID: String, in sql: any SQLDatabase) async throws -> VolunteerValue? {
        guard
            let row = try await sql.select().columns("volunteer_rate_cents", "volunteer_rate_rule").from("associations")
                .where("id", .equal, SQLBind(associationID)).row(RateRow.self),
            let cents = row.volunteerRateCents
        else { return nil }
        return VolunteerValue(rateCents: cents, rule: row.volunteerRateRule)
    }

    static func setVolunteerValue(_ value: VolunteerValue?, of associationID: String, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("associations").set("volunteer_rate_cents", to: SQLBind(value?.rateCents))
            .set("volunteer_rate_rule", to: SQLBind(value?.rule ?? "")).where("id", .equal, SQLBind(associationID))
            .run()
    }
}

extension PlanQueries {
    /// Accepted open steps not updated since `before`: the stale-step job's candidates.
    static func unmoved(since before: Int64, in sql: any SQLDatabase) async throws -> [Step] {
        try await sql.select().column("*").from("plan_steps").where("accepted", .equal, SQLBind(1))
            .where("status", .in, SQLBind.group([PlanStatus.todo.rawValue, PlanStatus.doing.rawValue]))
            .where("updated_at", .lessThan, SQLBind(before)).orderBy("association_id").orderBy("created_at")
            .rows(Step.self)
    }
}

extension PlanQueries {
    /// A training of the calendar a step can relate to, with its next session.
    struct Training: Sendable {
        let id: String
        let title: String
        let nextStart: Int64?
    }

    /// Trainings with a session still to come (not cancelled), the soonest first: what a step offers.
    static func upcomingTrainings(after now: Int64, limit: Int = 300, in sql: any SQLDatabase) async throws
        -> [Training]
    {
        try await sql.raw(
            """
            SELECT trainings.id, trainings.title, MIN(training_sessions.starts_at) AS next_start
            FROM trainings JOIN training_sessions ON training_sessions.training_id = trainings.id
            WHERE training_sessions.starts_at > \(bind: now) AND training_sessions.cancelled = 0
            GROUP BY trainings.id, trainings.title ORDER BY next_start, trainings.title LIMIT \(bind: limit)
            """
        ).all().map {
            Training(
                id: try $0.decode(column: "id", as: String.self),
                title: try $0.decode(column: "title", as: String.self),
                nextStart: try $0.decode(column: "next_start", as: Int64?.self))
        }
    }

    /// The titles of these trainings, those that still exist.
    static func trainings(_ ids: [String], in sql: any SQLDatabase) async throws -> [Training] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().columns("id", "title").from("trainings").where("id", .in, SQLBind.group(ids))
            .all().map {
                Training(
                    id: try $0.decode(column: "id", as: String.self),
                    title: try $0.decode(column: "title", as: String.self), nextStart: nil)
            }
    }
}
