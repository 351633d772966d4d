/// Who speaks next in a workshop room. A raised hand is a point of process, a direct reply to what
/// is being said, or a contribution on the topic. The order:
/// 1. hands the facilitator moved to the front (an override, logged by the room), in the order moved;
/// 2. points of process, first come first;
/// 3. direct replies, while the person has had fewer than `replyCap` reply turns (beyond, a reply
///    waits as an ordinary contribution);
/// 4. everyone else: those who have not spoken yet, then those who spoke least, then first come.
public enum SpeakingQueue {
    public enum Kind: String, Sendable, CaseIterable {
        case process, reply, topic
    }

    public struct Hand: Sendable, Equatable {
        public let id: String
        public let participant: String
        public let kind: Kind
        public let raisedAt: Int64
        /// When the facilitator moved this hand to the front; nil otherwise.
        public let movedAt: Int64?

        public init(id: String, participant: String, kind: Kind, raisedAt: Int64, movedAt: Int64? = nil) {
            self.id = id
            self.participant = participant
            self.kind = kind
            self.raisedAt = raisedAt
            self.movedAt = movedAt
        }
    }

    /// Turns a participant has had so far in the room.
    public struct Record: Sendable, Equatable {
        public let turns: Int
        public let replies: Int
        public init(turns: Int, replies: Int) {
            self.turns = turns
            self.replies = replies
        }
    }

    public static let replyCap = 2

    /// The waiting hands in speaking order; `records` gives each participant's past turns (none when absent).
    public static func order(_ hands: [Hand], records: [String: Record], replyCap: Int = replyCap) -> [Hand] {
        hands.sorted { key($0, records, replyCap) < key($1, records, replyCap) }
    }

    /// The sorting key: band (0 moved, 1 process, 2 reply within the cap, 3 the rest), then turns had
    /// (the rest only), then time, then id so that equal keys keep one order on every server.
    static func key(_ hand: Hand, _ records: [String: Record], _ replyCap: Int) -> Key {
        let record = records[hand.participant] ?? Record(turns: 0, replies: 0)
        if let moved = hand.movedAt { return Key(band: 0, turns: 0, time: moved, id: hand.id) }
        switch hand.kind {
        case .process: return Key(band: 1, turns: 0, time: hand.raisedAt, id: hand.id)
        case .reply where record.replies < replyCap: return Key(band: 2, turns: 0, time: hand.raisedAt, id: hand.id)
        default: return Key(band: 3, turns: record.turns, time: hand.raisedAt, id: hand.id)
        }
    }

    struct Key: Comparable {
        let band: Int
        let turns: Int
        let time: Int64
        let id: String

        static func < (a: Key, b: Key) -> Bool {
            (a.band, a.turns, a.time, a.id) < (b.band, b.turns, b.time, b.id)
        }
    }
}
