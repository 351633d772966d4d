import Foundation

/// A personal-data breach as the association records it (GDPR art. 33.5: the internal log is kept
/// whatever the outcome). The clock runs 72 hours from discovery for notifying the CNIL (art. 33.1);
/// the people concerned are told when the risk to them is high (art. 34).
public struct Breach: Sendable, Equatable {
    public enum Risk: String, Sendable, CaseIterable, Codable {
        /// Unlikely to result in a risk to people: logged, not notified.
        case unlikely
        /// A risk: the CNIL is notified within 72 hours.
        case risk
        /// A high risk: the CNIL is notified, and the people concerned are told without undue delay.
        case high

        public var notifiesAuthority: Bool { self != .unlikely }
        public var informsPeople: Bool { self == .high }
    }

    /// What happened, as far as the association can tell: each kind has its own advice and its own
    /// words in the letter to the people (a lost phone is not a leaked password).
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case lostDevice = "lost-device", account, misdirected, published, malware, paper, other
    }

    public static let deadlineSeconds: Int64 = 72 * 3600

    public var id: String
    /// When the breach began, when known (it may precede its discovery by weeks).
    public var startedAt: Int64?
    public var discoveredAt: Int64
    /// How the association learnt of it (a member's warning, a bounce, the host's alert…).
    public var foundHow: String
    public var kind: Kind
    /// Its cause (a mistake, a theft, an attack…), as far as known.
    public var cause: String
    public var nature: String
    public var people: String
    public var records: String
    public var consequences: String
    public var measures: String
    public var contact: String
    public var risk: Risk
    /// Whether the people concerned were told (nil while not said).
    public var peopleTold: Bool?
    /// Why the CNIL is notified after 72 hours (art. 33.1).
    public var delayReasons: String
    /// Why the association decided not to notify: the log keeps them (art. 33.5).
    public var noNotifyReasons: String
    public var notifiedOn: String?

    public init(
        id: String, startedAt: Int64? = nil, discoveredAt: Int64, foundHow: String = "", kind: Kind = .other,
        cause: String = "", nature: String, people: String, records: String, consequences: String,
        measures: String, contact: String, risk: Risk, peopleTold: Bool? = nil, delayReasons: String = "",
        noNotifyReasons: String = "", notifiedOn: String? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.foundHow = foundHow
        self.kind = kind
        self.cause = cause
        self.peopleTold = peopleTold
        self.delayReasons = delayReasons
        self.noNotifyReasons = noNotifyReasons
        self.discoveredAt = discoveredAt
        self.nature = nature
        self.people = people
        self.records = records
        self.consequences = consequences
        self.measures = measures
        self.contact = contact
        self.risk = risk
        self.notifiedOn = notifiedOn
    }

    public var deadline: Int64 { discoveredAt + Self.deadlineSeconds }

    /// Whether a notification made on `day` (Paris) comes after the 72 hours: it then needs its reasons.
    public func isLate(notifiedOn day: Day) -> Bool {
        day > ParisTime(unixTime: deadline).date
    }

    /// Whole hours left before the 72-hour deadline; once past, minus the whole hours of lateness.
    public func hoursLeft(now: Int64) -> Int {
        let seconds = deadline - now
        return seconds >= 0 ? Int(seconds / 3600) : -Int(-seconds / 3600)
    }

    /// What a member typed for a breach, field by field (empty when left out).
    public struct Form: Sendable, Equatable {
        public var started = "", discovered = "", foundHow = "", kind = "", cause = "", nature = "", people = "",
            records = "", consequences = "", measures = "", contact = "", risk = "", peopleTold = "",
            delayReasons = "", noNotifyReasons = ""

        public init() {}

        /// The free-text fields by field name, trimmed.
        var texts: [(field: String, text: String)] {
            [
                ("found_how", foundHow), ("cause", cause), ("nature", nature), ("people", people),
                ("records", records), ("consequences", consequences), ("measures", measures), ("contact", contact),
                ("delay_reasons", delayReasons), ("no_notify_reasons", noNotifyReasons),
            ].map { ($0.0, SubmittedFields.trimmed($0.1)) }
        }
    }

    /// The names of the free-text fields (derived from `Form`).
    public static var textFields: [String] { Form().texts.map(\.field) }

    /// `discovered`: "2026-12-02T09:30" as a `datetime-local` field sends it, in French time (Paris),
    /// and not in the future. Errors are translation keys by field.
    public static func validate(id: String, form: Form, now: Int64) -> Result<Breach, FieldErrors> {
        var errors = FieldErrors()
        for (field, text) in form.texts {
            SubmittedFields.checkText(
                text, field: field, maxLength: 4000, tooLong: "breach.error.too_long", into: &errors)
        }
        if SubmittedFields.trimmed(form.nature).isEmpty { errors["nature"] = "breach.error.nature" }
        let discovered = moment(SubmittedFields.trimmed(form.discovered)).map { ParisTime(wallClock: $0).unixTime }
        if discovered == nil { errors["discovered"] = "breach.error.moment" }
        if let discovered, discovered > now + 60 { errors["discovered"] = "breach.error.future" }
        let startedText = SubmittedFields.trimmed(form.started)
        let started = moment(startedText).map { ParisTime(wallClock: $0).unixTime }
        if !startedText.isEmpty, started == nil { errors["started"] = "breach.error.moment_started" }
        if let started, let discovered, started > discovered { errors["started"] = "breach.error.started_after" }
        // No kind ticked is "another incident": the log never loses a breach for want of a category.
        let kindText = SubmittedFields.trimmed(form.kind)
        let kind = kindText.isEmpty ? .other : Kind(rawValue: kindText)
        if kind == nil { errors["kind"] = "breach.error.kind" }
        let risk = Risk(rawValue: SubmittedFields.trimmed(form.risk))
        if risk == nil { errors["risk"] = "breach.error.risk" }
        // Deciding not to notify is allowed only with its reasons, which the log keeps (art. 33.5).
        if risk == .unlikely, SubmittedFields.trimmed(form.noNotifyReasons).isEmpty {
            errors["no_notify_reasons"] = "breach.error.no_notify_reasons"
        }
        let told = ["": nil, "yes": true, "no": false][SubmittedFields.trimmed(form.peopleTold)]
        if told == nil { errors["people_told"] = "form.choice_unknown" }
        guard errors.isEmpty, let discovered, let kind, let risk, let told else { return .failure(errors) }
        let text = { (field: String) in form.texts.first { $0.field == field }?.text ?? "" }
        return .success(
            Breach(
                id: id, startedAt: started, discoveredAt: discovered, foundHow: text("found_how"), kind: kind,
                cause: text("cause"), nature: text("nature"), people: text("people"), records: text("records"),
                consequences: text("consequences"), measures: text("measures"), contact: text("contact"),
                risk: risk, peopleTold: told, delayReasons: text("delay_reasons"),
                noNotifyReasons: risk == .unlikely ? text("no_notify_reasons") : ""))
    }

    /// Seconds since 1970 for "YYYY-MM-DDTHH:MM" read as UTC, or nil.
    public static func moment(_ text: String) -> Int64? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":")
        guard time.count >= 2, let h = Int(time[0]), let m = Int(time[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return Int64(day.number) * 86_400 + Int64(h * 3600 + m * 60)
    }
}
