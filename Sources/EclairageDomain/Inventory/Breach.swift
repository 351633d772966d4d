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

    public static let deadlineSeconds: Int64 = 72 * 3600

    public var id: String
    public var discoveredAt: Int64
    public var nature: String
    public var people: String
    public var records: String
    public var consequences: String
    public var measures: String
    public var contact: String
    public var risk: Risk
    public var notifiedOn: String?

    public init(
        id: String, discoveredAt: Int64, nature: String, people: String, records: String, consequences: String,
        measures: String, contact: String, risk: Risk, notifiedOn: String? = nil
    ) {
        self.id = id
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

    /// Whole hours left before the 72-hour deadline; once past, minus the whole hours of lateness.
    public func hoursLeft(now: Int64) -> Int {
        let seconds = deadline - now
        return seconds >= 0 ? Int(seconds / 3600) : -Int(-seconds / 3600)
    }

    /// What a member typed for a breach, field by field (empty when left out).
    public struct Form: Sendable, Equatable {
        public var discovered = "", nature = "", people = "", records = "", consequences = "", measures = "",
            contact = "", risk = ""

        public init() {}

        /// The free-text fields by field name, trimmed.
        var texts: [(field: String, text: String)] {
            [
                ("nature", nature), ("people", people), ("records", records), ("consequences", consequences),
                ("measures", measures),
                ("contact", contact),
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
        let risk = Risk(rawValue: SubmittedFields.trimmed(form.risk))
        if risk == nil { errors["risk"] = "breach.error.risk" }
        guard errors.isEmpty, let discovered, let risk else { return .failure(errors) }
        return .success(
            Breach(
                id: id, discoveredAt: discovered, nature: SubmittedFields.trimmed(form.nature),
                people: SubmittedFields.trimmed(form.people),
                records: SubmittedFields.trimmed(form.records),
                consequences: SubmittedFields.trimmed(form.consequences),
                measures: SubmittedFields.trimmed(form.measures), contact: SubmittedFields.trimmed(form.contact),
                risk: risk))
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
