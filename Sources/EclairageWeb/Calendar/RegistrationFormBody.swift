/// A registration for a session, as sent (no account needed).
struct RegistrationFormBody: Decodable {
    @FormText var name: String
    @FormText var email: String
}

/// What a registrant does from their own page: `cancel`, `accept` or `decline` (an offered seat).
struct RegistrationActionBody: Decodable {
    @FormText var action: String
}

/// Who came to a session: the registrations ticked (boxes repeating their name).
struct AttendanceBody: FormWithBoxes {
    var present: [String] = []

    init(from decoder: any Decoder) throws {}

    static var boxes: [(name: String, values: WritableKeyPath<Self, [String]>)] { [("present", \.present)] }
}

/// The account an editor links to a place, by its e-mail address.
struct PlaceManagerBody: Decodable {
    @FormText var email: String
}

/// The manager an editor removes from a place.
struct PlaceManagerRemoveBody: Decodable {
    @FormText var user: String
}

/// A session's new date and time (`datetime-local`, French time).
struct SessionMoveBody: Decodable {
    @FormText var start: String
}
