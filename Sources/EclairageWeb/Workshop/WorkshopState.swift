import EclairageDomain
import SQLKit

/// Everything a room's pages show, read at once: the room, its session and training, agenda,
/// participants, the vote, and the hands not yet done, with the speaking order worked out by the
/// domain (`SpeakingQueue`).
struct WorkshopState: Sendable {
    let room: WorkshopRoomRow
    let session: SessionRow
    let training: TrainingRow
    let agenda: [WorkshopAgendaItemRow]
    let participants: [WorkshopParticipantRow]
    let options: [WorkshopVoteOptionRow]
    let ballots: [WorkshopBallotRow]
    /// Hands not yet done, the one speaking included.
    let hands: [WorkshopHandRow]

    /// A room closes 24 hours after its session ends, unless the facilitator ended it before.
    static let closingDelay: Int64 = 24 * 3600

    var closesAt: Int64 { session.endsAt + Self.closingDelay }

    func isClosed(at now: Int64) -> Bool { room.closedAt != nil || now >= closesAt }

    var speaking: WorkshopHandRow? { hands.first { $0.id == room.speakingHand } }

    /// The waiting hands in speaking order.
    var queue: [WorkshopHandRow] {
        let waiting = hands.filter { $0.id != room.speakingHand }
        let records = Dictionary(
            uniqueKeysWithValues: participants.map {
                ($0.id, SpeakingQueue.Record(turns: $0.turns, replies: $0.replies))
            })
        let byID = Dictionary(uniqueKeysWithValues: waiting.map { ($0.id, $0) })
        return SpeakingQueue.order(waiting.map(\.hand), records: records).compactMap { byID[$0.id] }
    }

    var admitted: [WorkshopParticipantRow] { participants.filter { $0.status == WorkshopParticipantRow.admitted } }

    func participant(_ id: String) -> WorkshopParticipantRow? { participants.first { $0.id == id } }

    func name(_ participantID: String) -> String { participant(participantID)?.name ?? "" }

    var results: [TopicVote.Result] {
        TopicVote.tally(options: options.map(\.id), ballots: ballots.map(\.optionId))
    }

    /// What the page's forms are built on: when it changes, a live screen reloads the page rather
    /// than only its live part (a new vote, a new agenda item, the room closing, approvals).
    func structure(at now: Int64) -> String {
        let parts =
            options.map(\.id) + agenda.map(\.id) + [
                String(room.voteOpen), String(room.approval), isClosed(at: now) ? "closed" : "open",
            ]
        return String(TokenHash.of(parts.joined(separator: "|")).prefix(12))
    }

    static func load(_ roomID: String, in sql: any SQLDatabase) async throws -> WorkshopState? {
        guard let room = try await WorkshopQueries.room(roomID, in: sql) else { return nil }
        return try await load(room, in: sql)
    }

    static func load(_ room: WorkshopRoomRow, in sql: any SQLDatabase) async throws -> WorkshopState? {
        guard let session = try await CalendarQueries.session(room.sessionId, in: sql),
            let training = try await CalendarQueries.training(session.trainingId, in: sql)
        else { return nil }
        return WorkshopState(
            room: room, session: session, training: training,
            agenda: try await WorkshopQueries.agenda(room.id, in: sql),
            participants: try await WorkshopQueries.participants(room.id, in: sql),
            options: try await WorkshopQueries.options(room.id, in: sql),
            ballots: try await WorkshopQueries.ballots(room.id, in: sql),
            hands: try await WorkshopQueries.openHands(room.id, in: sql))
    }
}
