/// What a member or an advisor typed for a step of the action plan, and its checks. Errors are
/// translation keys by field.
public struct PlanStepForm: Sendable, Equatable {
    public var title: String
    public var detail: String
    public var owner: String
    public var due: String
    public var hours: String
    public var euros: String
    public var theme: String
    /// The id of a training of the calendar the step relates to, or empty.
    public var training: String

    public init(
        title: String = "", detail: String = "", owner: String = "", due: String = "", hours: String = "",
        euros: String = "", theme: String = "", training: String = ""
    ) {
        self.title = title
        self.detail = detail
        self.owner = owner
        self.due = due
        self.hours = hours
        self.euros = euros
        self.theme = theme
        self.training = training
    }

    /// A checked step.
    public struct Step: Sendable, Equatable {
        public let title: String
        public let detail: String
        public let owner: String
        public let due: Day?
        /// Estimated time, in hours (seed 003: "identifier le temps (et le budget !) nécessaires").
        public let hours: Int?
        public let euros: Int?
        /// One of the questionnaire's themes, or nil.
        public let theme: String?
        /// A training of the calendar, or nil.
        public let training: String?
    }

    /// `themes`: the questionnaire's theme ids; `trainings`: the ids of the trainings offered.
    public func validate(themes: Set<String> = [], trainings: Set<String> = []) -> Result<Step, FieldErrors> {
        var errors = FieldErrors()
        let title = SubmittedFields.trimmed(title)
        if title.isEmpty { errors["title"] = "plan.error.title_required" }
        SubmittedFields.checkText(
            title, field: "title", maxLength: 200, tooLong: "plan.error.title_too_long", into: &errors)
        let detail = SubmittedFields.trimmed(detail)
        SubmittedFields.checkText(
            detail, field: "detail", maxLength: 2000, tooLong: "plan.error.detail_too_long", into: &errors)
        let owner = SubmittedFields.trimmed(owner)
        if owner.count > 100 { errors["owner"] = "plan.error.owner_too_long" }
        var due: Day?
        if let text = SubmittedFields.optional(self.due) {
            due = Day(iso: text)
            if due == nil { errors["due"] = "plan.error.due_invalid" }
        }
        let hours = Self.whole(self.hours, upTo: 10_000, field: "hours", errors: &errors)
        let euros = Self.whole(self.euros, upTo: 10_000_000, field: "euros", errors: &errors)
        let theme = SubmittedFields.optional(self.theme)
        if let theme, !themes.contains(theme) { errors["theme"] = "plan.error.theme_unknown" }
        let training = SubmittedFields.optional(self.training)
        if let training, !trainings.contains(training) { errors["training"] = "plan.error.training_unknown" }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(
            Step(
                title: title, detail: detail, owner: owner, due: due, hours: hours, euros: euros, theme: theme,
                training: training))
    }

    /// A whole number from 0 to `upTo`, or nil when nothing was typed.
    static func whole(_ text: String, upTo limit: Int, field: String, errors: inout FieldErrors) -> Int? {
        guard let text = SubmittedFields.optional(text) else { return nil }
        guard text.count <= 12, let value = Int(text), (0...limit).contains(value) else {
            errors[field] = "plan.error.\(field)_invalid"
            return nil
        }
        return value
    }
}
