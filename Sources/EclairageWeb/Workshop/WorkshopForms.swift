/// The forms of the workshop rooms, as sent.
struct WorkshopJoinBody: Decodable {
    @FormText var code: String
    @FormText var name: String
}

/// What a participant does: `raise` (with a `kind`), `lower`, or `vote` (with an `option`). The
/// participant is never named: it is the browser's cookie.
struct WorkshopParticipantBody: Decodable {
    @FormText var action: String
    @FormText var kind: String
    @FormText var option: String
}

/// What the facilitator does; `action` says which, the other fields are its details.
struct WorkshopFacilitatorBody: Decodable, Sendable {
    @FormText var action: String
    @FormText var title: String
    @FormText var start: String
    @FormText var end: String
    @FormText var item: String
    @FormText var question: String
    @FormText var options: String
    @FormText var hand: String
    @FormText var participant: String
    @FormText var minutes: String
}

enum WorkshopLimits {
    static let name = 40
    static let title = 120
    static let option = 120
    static let options = 2...12
    static let agendaItems = 30
    /// At most one hour per intervention.
    static let timerMinutes = 1...60
}
