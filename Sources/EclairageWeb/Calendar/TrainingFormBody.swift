import EclairageDomain

/// The training form as sent, decoded by Hummingbird's form decoder (a field left out reads as empty);
/// the ticked themes and needs (boxes repeating their name) are read beside it.
struct TrainingFormBody: FormWithBoxes, Sendable {
    /// The place's id, from the place's page or a `<select>` of places.
    @FormText var place: String
    /// The place's name as typed (completed by the browser from the list of places).
    @FormText var placeName: String
    @FormText var title: String
    @FormText var kind: String
    @FormText var description: String
    @FormText var location: String
    @FormText var onlineURL: String
    @FormText var start: String
    @FormText var duration: String
    @FormText var every: String
    @FormText var count: String
    @FormText var capacity: String
    /// Chosen theme ids (unknown ones are dropped by the caller).
    var themes: [String] = []
    /// Chosen catalogue needs (unknown ones are dropped by the caller).
    var needs: [String] = []

    /// In the order of the page, so the summary of errors follows it.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case place, placeName = "place_name", title, kind, description, location, onlineURL = "online_url", start,
            duration, every, count
        case capacity
    }

    static var boxes: [(name: String, values: WritableKeyPath<Self, [String]>)] {
        [("themes", \.themes), ("needs", \.needs)]
    }

    static let order = CodingKeys.allCases.map(\.rawValue)

    /// The values sent, by field name, to show back (each cut at 10,000 characters).
    var values: [String: String] {
        let sent: [CodingKeys: String] = [
            .place: place, .placeName: placeName, .title: title, .kind: kind, .description: description,
            .location: location,
            .onlineURL: onlineURL, .start: start, .duration: duration, .every: every, .count: count,
            .capacity: capacity,
        ]
        return Dictionary(uniqueKeysWithValues: sent.map { ($0.key.rawValue, String($0.value.prefix(10_000))) })
    }

    struct Checked: Sendable {
        let title: String
        let kind: String
        let description: String
        let location: String
        let onlineURL: String?
        let capacity: Int
        let sessions: [(start: Int64, end: Int64)]
    }

    /// The checked values, or the errors by field. `creating` also checks the dates (editing keeps the sessions).
    func check(creating: Bool, now: Int64) -> (Checked?, FieldErrors) {
        var errors = FieldErrors()
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = self.description.trimmingCharacters(in: .whitespacesAndNewlines)
        let online = onlineURL.trimmingCharacters(in: .whitespaces)
        if title.isEmpty || title.count > 200 { errors["title"] = "calendar.title_required" }
        if !TrainingRow.kinds.contains(kind) { errors["kind"] = "calendar.kind_required" }
        if description.count > 5000 { errors["description"] = "calendar.description_too_long" }
        if location.trimmingCharacters(in: .whitespacesAndNewlines).count > 300 {
            errors["location"] = "calendar.location_too_long"
        }
        if !online.isEmpty, !WebAddress.isAcceptable(online) || online.count > 500 {
            errors["online_url"] = "calendar.url_invalid"
        }
        let capacity = Int(self.capacity.trimmingCharacters(in: .whitespaces)) ?? 0
        if !(1...1000).contains(capacity) { errors["capacity"] = "calendar.capacity_invalid" }
        var sessions: [(Int64, Int64)] = []
        if creating {
            // Every number is checked before any arithmetic: a duration or a cycle read as Int.max
            // must give a message, not overflow while the sessions are computed.
            let minutes = Int(duration.trimmingCharacters(in: .whitespaces)) ?? 0
            let count = Int(self.count.trimmingCharacters(in: .whitespaces)) ?? 1
            let everyText = self.every.trimmingCharacters(in: .whitespaces)
            let every = everyText.isEmpty ? 0 : Int(everyText) ?? -1
            let first = ParisTime(dateTimeLocal: start.trimmingCharacters(in: .whitespaces))
            if let first {
                if first.unixTime <= now { errors["start"] = "calendar.start_past" }
            } else {
                errors["start"] = "calendar.start_invalid"
            }
            if !(15...(12 * 60)).contains(minutes) { errors["duration"] = "calendar.duration_invalid" }
            if ![0, 7, 14, 28].contains(every) { errors["every"] = "calendar.every_invalid" }
            if !(1...52).contains(count) { errors["count"] = "calendar.count_invalid" }
            if errors.isEmpty, let first {
                sessions = SeatPolicy.recurrence(
                    firstStart: first, durationMinutes: minutes, every: every == 0 ? 1 : every,
                    count: every == 0 ? 1 : count)
            }
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (
            Checked(
                title: title, kind: kind, description: description,
                location: location.trimmingCharacters(in: .whitespacesAndNewlines),
                onlineURL: online.isEmpty ? nil : online, capacity: capacity, sessions: sessions), errors
        )
    }
}

extension TrainingFormBody {
    /// A new training's form: a two-hour workshop, once, twelve seats, organised by `place` when known.
    init(newAt place: String) {
        self.place = place
        kind = "atelier"
        duration = "120"
        count = "1"
        every = "0"
        capacity = "12"
    }

    /// The training as it is, to change (its sessions keep their times; `capacity` is the last one's).
    init(_ training: TrainingRow, capacity: Int) {
        place = training.placeId
        title = training.title
        kind = training.kind
        description = training.description
        location = training.location
        onlineURL = training.onlineUrl ?? ""
        self.capacity = String(capacity)
    }
}
