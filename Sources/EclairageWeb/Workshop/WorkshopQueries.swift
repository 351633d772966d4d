import SQLKit

/// Every statement of the workshop rooms.
enum WorkshopQueries {
    // MARK: Rooms

    static func insert(_ room: WorkshopRoomRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "workshop_rooms").row(room).run()
    }

    static func room(_ id: String, in sql: any SQLDatabase) async throws -> WorkshopRoomRow? {
        try await sql.select().column("*").from("workshop_rooms").where("id", .equal, SQLBind(id))
            .row(WorkshopRoomRow.self)
    }

    /// The room, locked until the end of the transaction on PostgreSQL (SQLite's writers are one at a time).
    static func lock(_ id: String, in sql: any SQLDatabase) async throws -> WorkshopRoomRow? {
        try await sql.select().column("*").from("workshop_rooms").where("id", .equal, SQLBind(id)).for(.update)
            .row(WorkshopRoomRow.self)
    }

    static func room(code: String, in sql: any SQLDatabase) async throws -> WorkshopRoomRow? {
        try await sql.select().column("*").from("workshop_rooms").where("code", .equal, SQLBind(code))
            .row(WorkshopRoomRow.self)
    }

    static func rooms(session: String, in sql: any SQLDatabase) async throws -> [WorkshopRoomRow] {
        try await sql.select().column("*").from("workshop_rooms").where("session_id", .equal, SQLBind(session))
            .orderBy("created_at").rows(WorkshopRoomRow.self)
    }

    /// Writes the room (read under `lock` in the same transaction) and raises its version, so that
    /// every live screen on every server reloads it.
    static func save(_ room: WorkshopRoomRow, now: Int64, in sql: any SQLDatabase) async throws {
        var row = room
        row.updatedAt = now
        row.version += 1
        try await sql.update("workshop_rooms").set(row: row).where("id", .equal, SQLBind(room.id)).run()
    }

    /// Raises the room's version after a change of its other tables.
    static func touch(_ id: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("workshop_rooms").set("version", to: SQLRaw("version + 1"))
            .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
    }

    struct Version: Codable, Sendable {
        let id: String
        let version: Int64
        let closedAt: Int64?
    }

    /// The versions of the rooms some live screen follows (read by each server's poller).
    static func versions(_ ids: [String], in sql: any SQLDatabase) async throws -> [Version] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().column("id").column("version").column("closed_at").from("workshop_rooms")
            .where("id", .in, SQLBind.group(ids)).rows(Version.self)
    }

    // MARK: Agenda

    static func agenda(_ room: String, in sql: any SQLDatabase) async throws -> [WorkshopAgendaItemRow] {
        try await sql.select().column("*").from("workshop_agenda_items").where("room_id", .equal, SQLBind(room))
            .orderBy("starts_minute").orderBy("id").rows(WorkshopAgendaItemRow.self)
    }

    static func insert(_ item: WorkshopAgendaItemRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "workshop_agenda_items").row(item).run()
    }

    // MARK: Participants

    static func participants(_ room: String, in sql: any SQLDatabase) async throws -> [WorkshopParticipantRow] {
        try await sql.select().column("*").from("workshop_participants").where("room_id", .equal, SQLBind(room))
            .orderBy("joined_at").orderBy("id").rows(WorkshopParticipantRow.self)
    }

    static func participant(room: String, tokenHash: String, in sql: any SQLDatabase) async throws
        -> WorkshopParticipantRow?
    {
        try await sql.select().column("*").from("workshop_participants").where("room_id", .equal, SQLBind(room))
            .where("token_hash", .equal, SQLBind(tokenHash)).row(WorkshopParticipantRow.self)
    }

    static func insert(_ participant: WorkshopParticipantRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "workshop_participants").row(participant).run()
    }

    static func setStatus(_ participant: String, room: String, to status: String, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("workshop_participants").set("status", to: SQLBind(status))
            .where("id", .equal, SQLBind(participant)).where("room_id", .equal, SQLBind(room)).run()
    }

    /// Counts a finished turn (and a reply turn when it was one).
    static func countTurn(_ participant: String, reply: Bool, in sql: any SQLDatabase) async throws {
        try await sql.update("workshop_participants").set("turns", to: SQLRaw("turns + 1"))
            .set("replies", to: SQLRaw(reply ? "replies + 1" : "replies")).where("id", .equal, SQLBind(participant))
            .run()
    }

    // MARK: Vote

    static func options(_ room: String, in sql: any SQLDatabase) async throws -> [WorkshopVoteOptionRow] {
        try await sql.select().column("*").from("workshop_vote_options").where("room_id", .equal, SQLBind(room))
            .orderBy("position").rows(WorkshopVoteOptionRow.self)
    }

    /// A new vote: the previous one's options and ballots go.
    static func replaceOptions(_ room: String, with options: [WorkshopVoteOptionRow], in sql: any SQLDatabase)
        async throws
    {
        try await sql.delete(from: "workshop_ballots").where("room_id", .equal, SQLBind(room)).run()
        try await sql.delete(from: "workshop_vote_options").where("room_id", .equal, SQLBind(room)).run()
        guard !options.isEmpty else { return }
        try await sql.insert(into: "workshop_vote_options").models(
            options, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
        ).run()
    }

    static func ballots(_ room: String, in sql: any SQLDatabase) async throws -> [WorkshopBallotRow] {
        try await sql.select().column("*").from("workshop_ballots").where("room_id", .equal, SQLBind(room))
            .rows(WorkshopBallotRow.self)
    }

    /// Counts the ballot unless this participant voted already (one statement: two sendings at once
    /// leave one ballot). Answers whether it was counted.
    static func vote(_ ballot: WorkshopBallotRow, in sql: any SQLDatabase) async throws -> Bool {
        try await sql.insert(into: "workshop_ballots").row(ballot)
            .ignoringConflicts(with: ["room_id", "participant_id"])
            .returning("participant_id").first(decodingColumn: "participant_id", as: String.self) != nil
    }

    // MARK: Hands

    /// Hands not yet done (waiting, or the one speaking).
    static func openHands(_ room: String, in sql: any SQLDatabase) async throws -> [WorkshopHandRow] {
        try await sql.select().column("*").from("workshop_hands").where("room_id", .equal, SQLBind(room))
            .where("done_at", .is, SQLLiteral.null).orderBy("raised_at").rows(WorkshopHandRow.self)
    }

    /// The participant's hand not yet done, if any.
    static func openHand(of participant: String, in sql: any SQLDatabase) async throws -> WorkshopHandRow? {
        try await sql.select().column("*").from("workshop_hands").where("participant_id", .equal, SQLBind(participant))
            .where("done_at", .is, SQLLiteral.null).row(WorkshopHandRow.self)
    }

    static func hasVoted(room: String, participant: String, in sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("participant_id").from("workshop_ballots").where("room_id", .equal, SQLBind(room))
            .where("participant_id", .equal, SQLBind(participant)).first() != nil
    }

    static func hand(_ id: String, room: String, in sql: any SQLDatabase) async throws -> WorkshopHandRow? {
        try await sql.select().column("*").from("workshop_hands").where("id", .equal, SQLBind(id))
            .where("room_id", .equal, SQLBind(room)).row(WorkshopHandRow.self)
    }

    static func insert(_ hand: WorkshopHandRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "workshop_hands").row(hand).run()
    }

    static func update(_ hand: WorkshopHandRow, in sql: any SQLDatabase) async throws {
        try await sql.update("workshop_hands").set(row: hand).where("id", .equal, SQLBind(hand.id)).run()
    }

    /// A removed participant's hands leave the queue.
    static func dropHands(of participant: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("workshop_hands").set("done_at", to: SQLBind(now))
            .where("participant_id", .equal, SQLBind(participant)).where("done_at", .is, SQLLiteral.null).run()
    }

    // MARK: Overrides

    static func insert(_ override: WorkshopOverrideRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "workshop_overrides").row(override).run()
    }

    static func overrides(_ room: String, in sql: any SQLDatabase) async throws -> [WorkshopOverrideRow] {
        try await sql.select().column("*").from("workshop_overrides").where("room_id", .equal, SQLBind(room))
            .orderBy("created_at").rows(WorkshopOverrideRow.self)
    }

    // MARK: Closing and retention

    /// Open rooms whose session ended before `endedBefore`.
    static func lapsed(endedBefore: Int64, in sql: any SQLDatabase) async throws -> [WorkshopRoomRow] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("workshop_rooms")))
            .from("workshop_rooms")
            .join(
                "training_sessions", on: SQLColumn("session_id", table: "workshop_rooms"), .equal,
                SQLColumn("id", table: "training_sessions")
            )
            .where(SQLColumn("closed_at", table: "workshop_rooms"), .is, SQLLiteral.null)
            .where(SQLColumn("ends_at", table: "training_sessions"), .lessThan, SQLBind(endedBefore))
            .rows(WorkshopRoomRow.self)
    }

    /// The room's participants' names are forgotten (their turns stay, counted, for the summary).
    static func forgetNames(_ room: String, in sql: any SQLDatabase) async throws {
        try await sql.update("workshop_participants").set("name", to: SQLBind("")).where(
            "room_id", .equal, SQLBind(room)
        )
        .run()
    }

    static func purge(closedBefore: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "workshop_rooms").where("closed_at", .lessThan, SQLBind(closedBefore)).run()
    }
}
