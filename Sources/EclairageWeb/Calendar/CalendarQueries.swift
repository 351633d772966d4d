import SQLKit

/// Trainings, their sessions, and the sessions to come (for the calendar and its feeds).
enum CalendarQueries {
    static func insert(_ training: TrainingRow, sessions: [SessionRow], in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "trainings").row(training).run()
        if !sessions.isEmpty {
            try await sql.insert(into: "training_sessions").models(
                sessions, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
            ).run()
        }
    }

    static func update(_ training: TrainingRow, in sql: any SQLDatabase) async throws {
        try await sql.update("trainings").set(row: training).where("id", .equal, SQLBind(training.id)).run()
    }

    static func training(_ id: String, in sql: any SQLDatabase) async throws -> TrainingRow? {
        try await sql.select().column("*").from("trainings").where("id", .equal, SQLBind(id)).row(TrainingRow.self)
    }

    static func sessions(of trainingID: String, in sql: any SQLDatabase) async throws -> [SessionRow] {
        try await sql.select().column("*").from("training_sessions").where("training_id", .equal, SQLBind(trainingID))
            .orderBy("starts_at").rows(SessionRow.self)
    }

    static func session(_ id: String, in sql: any SQLDatabase) async throws -> SessionRow? {
        try await sql.select().column("*").from("training_sessions").where("id", .equal, SQLBind(id)).row(
            SessionRow.self)
    }

    /// The session, locked until the end of the transaction on PostgreSQL (SQLite's writers are already
    /// one at a time): seats are counted and given under this lock, so none is given twice.
    static func lockSession(_ id: String, in sql: any SQLDatabase) async throws -> SessionRow? {
        try await sql.select().column("*").from("training_sessions").where("id", .equal, SQLBind(id)).for(.update).row(
            SessionRow.self)
    }

    static func updateSession(_ session: SessionRow, in sql: any SQLDatabase) async throws {
        try await sql.update("training_sessions").set(row: session).where("id", .equal, SQLBind(session.id)).run()
    }

    static func insertSessions(_ sessions: [SessionRow], in sql: any SQLDatabase) async throws {
        guard !sessions.isEmpty else { return }
        try await sql.insert(into: "training_sessions").models(
            sessions, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
        ).run()
    }

    /// Every training (a few thousand at most) and every session since `from`, for the in-memory calendar.
    static func all(in sql: any SQLDatabase) async throws -> [TrainingRow] {
        try await sql.select().column("*").from("trainings").orderBy("title").rows(TrainingRow.self)
    }

    static func sessions(since from: Int64, in sql: any SQLDatabase) async throws -> [SessionRow] {
        try await sql.select().column("*").from("training_sessions").where(
            "ends_at", .greaterThanOrEqual, SQLBind(from)
        ).orderBy("starts_at").rows(SessionRow.self)
    }

    struct SeatCount: Codable, Sendable {
        let sessionId: String
        let status: String
        let n: Int
    }

    /// Registrations per session and status, for the sessions given.
    static func seatCounts(_ sessionIDs: [String], in sql: any SQLDatabase) async throws -> [SeatCount] {
        guard !sessionIDs.isEmpty else { return [] }
        return try await sql.select().column("session_id").column("status").column(
            SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
        )
        .from("registrations").where("session_id", .in, SQLBind.group(sessionIDs)).groupBy("session_id").groupBy(
            "status"
        ).rows(SeatCount.self)
    }
}
