import Foundation

/// A person's request to exercise a right over their data (arts. 15–21): received on a day, answered
/// within one month, a delay extendable by two more months with its reasons (art. 12.3).
public struct RightsRequest: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case access, rectification, erasure, objection, portability, limitation
    }

    /// Reminders before the answer is due: a week before, and on the day.
    public static let thresholds = [7, 0]

    public var id: String
    public var kind: Kind
    public var receivedOn: Day
    /// Who asks, and how to reach them.
    public var requester: String
    /// What is asked.
    public var details: String
    public var identityChecked: Bool
    /// Why the answer needs two more months (empty: not extended).
    public var extensionReasons: String
    public var answeredOn: Day?
    /// What was answered or done.
    public var outcome: String

    public init(
        id: String, kind: Kind, receivedOn: Day, requester: String, details: String = "",
        identityChecked: Bool = false, extensionReasons: String = "", answeredOn: Day? = nil, outcome: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.receivedOn = receivedOn
        self.requester = requester
        self.details = details
        self.identityChecked = identityChecked
        self.extensionReasons = extensionReasons
        self.answeredOn = answeredOn
        self.outcome = outcome
    }

    public var extended: Bool { !extensionReasons.isEmpty }

    /// The day the answer is due: one month after receipt, three when extended.
    public var dueOn: Day { Self.adding(months: extended ? 3 : 1, to: receivedOn) }

    /// The same day `months` later, or that month's last day when it has no such day (31 January → 28
    /// or 29 February).
    public static func adding(months: Int, to day: Day) -> Day {
        let (year, month, date) = day.civil
        let total = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        var last = 31
        while Day(iso: String(format: "%04d-%02d-%02d", newYear, newMonth, last)) == nil { last -= 1 }
        return Day(iso: String(format: "%04d-%02d-%02d", newYear, newMonth, min(date, last))) ?? day
    }

    /// What a member typed for a request, field by field (empty when left out).
    public struct Form: Sendable, Equatable {
        public var kind = "", receivedOn = "", requester = "", details = "", identityChecked = "",
            extensionReasons = "", answeredOn = "", outcome = ""

        public init() {}

        /// The free-text fields by field name, trimmed.
        var texts: [(field: String, text: String)] {
            [
                ("requester", requester), ("details", details), ("extension_reasons", extensionReasons),
                ("outcome", outcome),
            ].map { ($0.0, SubmittedFields.trimmed($0.1)) }
        }
    }

    /// The names of the free-text fields (derived from `Form`).
    public static var textFields: [String] { Form().texts.map(\.field) }

    /// Checks a submitted request; errors are translation keys by field. Days are ISO ("2026-11-17"),
    /// neither in the future (`today`, Paris) nor, for the answer, before the receipt.
    public static func validate(id: String, form: Form, today: Day) -> Result<RightsRequest, FieldErrors> {
        var errors = FieldErrors()
        for (field, text) in form.texts {
            SubmittedFields.checkText(
                text, field: field, maxLength: 4000, tooLong: "rights.error.too_long", into: &errors)
        }
        let text = { (field: String) in form.texts.first { $0.field == field }?.text ?? "" }
        let kind = Kind(rawValue: SubmittedFields.trimmed(form.kind))
        if kind == nil { errors["kind"] = "rights.error.kind" }
        let received = Day(iso: SubmittedFields.trimmed(form.receivedOn))
        if received == nil { errors["received_on"] = "rights.error.day" }
        if let received, today < received { errors["received_on"] = "rights.error.future" }
        if text("requester").isEmpty { errors["requester"] = "rights.error.requester" }
        let answeredText = SubmittedFields.trimmed(form.answeredOn)
        let answered = Day(iso: answeredText)
        if !answeredText.isEmpty, answered == nil { errors["answered_on"] = "rights.error.day" }
        if let answered, today < answered { errors["answered_on"] = "rights.error.future" }
        if let answered, let received, answered < received { errors["answered_on"] = "rights.error.before" }
        if answered != nil, text("outcome").isEmpty { errors["outcome"] = "rights.error.outcome" }
        let checked = ["": false, "1": true][SubmittedFields.trimmed(form.identityChecked)]
        if checked == nil { errors["identity_checked"] = "form.choice_unknown" }
        guard errors.isEmpty, let kind, let received, let checked else { return .failure(errors) }
        return .success(
            RightsRequest(
                id: id, kind: kind, receivedOn: received, requester: text("requester"), details: text("details"),
                identityChecked: checked, extensionReasons: text("extension_reasons"), answeredOn: answered,
                outcome: text("outcome")))
    }
}
