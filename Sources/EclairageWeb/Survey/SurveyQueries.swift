import EclairageDomain
import SQLKit

/// Surveys and their answers (`surveys`, `survey_responses`).
enum SurveyQueries {
    static func insert(_ row: SurveyRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "surveys").row(row).run()
    }

    static func update(
        id: String, definition: String, opensAt: Int64, closesAt: Int64, now: Int64, in sql: any SQLDatabase
    ) async throws {
        try await sql.update("surveys").set("definition", to: SQLBind(definition))
            .set("opens_at", to: SQLBind(opensAt)).set("closes_at", to: SQLBind(closesAt))
            .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
    }

    static func find(id: String, in sql: any SQLDatabase) async throws -> SurveyRow? {
        try await sql.select().column("*").from("surveys").where("id", .equal, SQLBind(id)).row(SurveyRow.self)
    }

    static func find(token: String, in sql: any SQLDatabase) async throws -> SurveyRow? {
        try await sql.select().column("*").from("surveys").where("token", .equal, SQLBind(token)).row(SurveyRow.self)
    }

    static func find(source: String, in sql: any SQLDatabase) async throws -> SurveyRow? {
        try await sql.select().column("*").from("surveys").where("source", .equal, SQLBind(source))
            .row(SurveyRow.self)
    }

    /// Every survey, the latest to close first.
    static func all(in sql: any SQLDatabase) async throws -> [SurveyRow] {
        try await sql.select().column("*").from("surveys").orderBy("closes_at", .descending).orderBy("id")
            .rows(SurveyRow.self)
    }

    /// The number of answers of each survey that has some.
    static func responseCounts(in sql: any SQLDatabase) async throws -> [String: Int] {
        struct Row: Decodable {
            let surveyId: String
            let n: Int
        }
        let rows = try await sql.select().column("survey_id").column(
            SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
        )
        .from("survey_responses").groupBy("survey_id").rows(Row.self)
        return Dictionary(rows.map { ($0.surveyId, $0.n) }) { a, _ in a }
    }

    static func responseCount(of surveyID: String, in sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("survey_responses")
            .where("survey_id", .equal, SQLBind(surveyID)).row(CountRow.self)?.n ?? 0
    }

    static func response(of surveyID: String, respondent: String, in sql: any SQLDatabase) async throws
        -> SurveyResponseRow?
    {
        try await sql.select().column("*").from("survey_responses").where("survey_id", .equal, SQLBind(surveyID))
            .where("respondent", .equal, SQLBind(respondent)).row(SurveyResponseRow.self)
    }

    /// The respondent's answer replaces theirs, if any (one answer per association or browser): one
    /// statement, so two sendings at once leave one row.
    static func save(_ row: SurveyResponseRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "survey_responses").row(row).onConflict(with: ["survey_id", "respondent"]) {
            $0.set(excludedValueOf: "departement").set(excludedValueOf: "association_id")
                .set(excludedValueOf: "choices").set(excludedValueOf: "texts").set(excludedValueOf: "updated_at")
        }.run()
    }

    /// A survey from a data file, unless another server starting at the same time made it first.
    static func insertFromFile(_ row: SurveyRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "surveys").row(row).ignoringConflicts(with: "source").run()
    }

    /// Every answer of a survey, whole (the network's tests and exports of its own data).
    static func responses(of surveyID: String, in sql: any SQLDatabase) async throws -> [SurveyResponseRow] {
        try await sql.select().column("*").from("survey_responses").where("survey_id", .equal, SQLBind(surveyID))
            .orderBy("created_at").orderBy("id").rows(SurveyResponseRow.self)
    }

    struct Counted: Codable, Sendable {
        let departement: String
        let choices: String
    }

    /// What the aggregates read: each answer's département and choices, never its texts.
    static func choices(of surveyID: String, in sql: any SQLDatabase) async throws -> [Counted] {
        try await sql.select().column("departement").column("choices").from("survey_responses")
            .where("survey_id", .equal, SQLBind(surveyID)).orderBy("id").rows(Counted.self)
    }

    struct Texts: Codable, Sendable {
        let texts: String
        let updatedAt: Int64
    }

    /// The free texts, for the network only, the earliest first.
    static func texts(of surveyID: String, in sql: any SQLDatabase) async throws -> [Texts] {
        try await sql.select().column("texts").column("updated_at").from("survey_responses")
            .where("survey_id", .equal, SQLBind(surveyID)).where("texts", .notEqual, SQLBind("{}"))
            .orderBy("updated_at").orderBy("id").rows(Texts.self)
    }

    /// Answers to surveys that closed before `instant` go.
    static func purge(closedBefore instant: Int64, in sql: any SQLDatabase) async throws {
        struct Row: Decodable { let id: String }
        let closed = try await sql.select().column("id").from("surveys")
            .where("closes_at", .lessThan, SQLBind(instant)).rows(Row.self).map(\.id)
        guard !closed.isEmpty else { return }
        try await sql.delete(from: "survey_responses").where("survey_id", .in, SQLBind.group(closed)).run()
    }
}
