/// Rows of the calendar's tables.
struct TrainingRow: Codable, Sendable, Equatable {
    var id: String
    var placeId: String
    var title: String
    var description: String
    var kind: String
    var themes: String
    var location: String
    var onlineUrl: String?
    var createdBy: String
    var createdAt: Int64
    var updatedAt: Int64
    /// Catalogue needs (ids), `|`-separated.
    var needs: String = ""

    static let kinds = ["formation", "atelier"]
    var themeList: [String] { themes.isEmpty ? [] : themes.components(separatedBy: "|") }
    var needList: [String] { needs.isEmpty ? [] : needs.components(separatedBy: "|") }
}

struct SessionRow: Codable, Sendable, Equatable {
    var id: String
    var trainingId: String
    var startsAt: Int64
    var endsAt: Int64
    var capacity: Int
    var sequence: Int
    var cancelled: Int
    var updatedAt: Int64
}

struct RegistrationRow: Codable, Sendable, Equatable {
    var id: String
    var sessionId: String
    /// SHA-256 of the registrant's link (the link itself is only in the mails).
    var tokenHash: String
    var name: String
    var email: String
    var status: String
    var position: Int64
    var offeredUntil: Int64?
    var attended: Int?
    var createdAt: Int64
    var updatedAt: Int64

    static let confirmed = "confirmed", waiting = "waiting", offered = "offered"
    static let declined = "declined", expired = "expired", cancelled = "cancelled"
    /// Statuses that hold a seat.
    static let holding = [confirmed, offered]
}
