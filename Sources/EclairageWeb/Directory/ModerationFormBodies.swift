/// An editor's decision on a pending change: `accepter` or `refuser`.
struct ModerationDecisionBody: Decodable {
    @FormText var decision: String
}

/// The pending changes ticked to refuse at once (boxes repeating their name).
struct ModerationRefusalBody: FormWithBoxes {
    var changes: [String] = []

    init(from decoder: any Decoder) throws {}

    static var boxes: [(name: String, values: WritableKeyPath<Self, [String]>)] { [("changes", \.changes)] }
}

/// The place a duplicate is merged into: its id, or its page's address.
struct PlaceMergeBody: Decodable {
    @FormText var into: String
}
