import EclairageDomain

/// Rows of the workshop rooms' tables.
struct WorkshopRoomRow: Codable, Sendable, Equatable {
    var id: String
    var sessionId: String
    var code: String
    var createdBy: String?
    /// 1 when a newcomer waits until the facilitator lets them in.
    var approval: Int
    /// 1 while the "one idea at a time" reminder is shown.
    var reminder: Int
    var currentItem: String?
    var speakingHand: String?
    /// Speaking time per intervention, in seconds; nil for none.
    var timerSeconds: Int?
    var voteQuestion: String?
    var voteOpen: Int
    /// Raised by every change: live screens follow it.
    var version: Int64
    /// The end-of-session summary (`SpeakingSummary` as JSON), once closed.
    var summary: String?
    var closedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
}

struct WorkshopAgendaItemRow: Codable, Sendable, Equatable {
    var id: String
    var roomId: String
    var title: String
    var startsMinute: Int
    var endsMinute: Int
}

struct WorkshopParticipantRow: Codable, Sendable, Equatable {
    var id: String
    var roomId: String
    /// SHA-256 of the participant's cookie token.
    var tokenHash: String
    var name: String
    var status: String
    var turns: Int
    var replies: Int
    var joinedAt: Int64

    static let admitted = "admitted", waiting = "waiting", removed = "removed"
}

struct WorkshopVoteOptionRow: Codable, Sendable, Equatable {
    var id: String
    var roomId: String
    var position: Int
    var label: String
}

struct WorkshopBallotRow: Codable, Sendable, Equatable {
    var roomId: String
    var participantId: String
    var optionId: String
    var createdAt: Int64
}

struct WorkshopHandRow: Codable, Sendable, Equatable {
    var id: String
    var roomId: String
    var participantId: String
    var kind: String
    var raisedAt: Int64
    var movedAt: Int64?
    var startedAt: Int64?
    var doneAt: Int64?

    var hand: SpeakingQueue.Hand {
        .init(
            id: id, participant: participantId, kind: SpeakingQueue.Kind(rawValue: kind) ?? .topic, raisedAt: raisedAt,
            movedAt: movedAt)
    }
}

/// What the facilitator did against the queue's order (moving a hand to the front, giving the floor
/// out of order, removing a participant): kept for the room's log.
struct WorkshopOverrideRow: Codable, Sendable, Equatable {
    var id: String
    var roomId: String
    var participantId: String?
    var action: String
    var createdBy: String?
    var createdAt: Int64
}
