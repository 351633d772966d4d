/// Changing a step's status: closing it as abandoned needs the reason; the time spent on it by
/// volunteers and by advisors is added as it is declared (in minutes).
public struct PlanClosing: Sendable, Equatable {
    public var status: String
    public var reason: String
    public var volunteerMinutes: String
    public var advisorMinutes: String

    public init(status: String = "", reason: String = "", volunteerMinutes: String = "", advisorMinutes: String = "") {
        self.status = status
        self.reason = reason
        self.volunteerMinutes = volunteerMinutes
        self.advisorMinutes = advisorMinutes
    }

    public struct Change: Sendable, Equatable {
        public let status: PlanStatus
        public let reason: String
        public let volunteerMinutes: Int
        public let advisorMinutes: Int
    }

    public func validate() -> Result<Change, FieldErrors> {
        var errors = FieldErrors()
        // Archiving is the scheduler's, not a choice.
        let status = PlanStatus(rawValue: status).flatMap { $0 == .archived ? nil : $0 }
        if status == nil { errors["status"] = "plan.error.status_unknown" }
        let reason = SubmittedFields.trimmed(reason)
        if status?.needsReason == true, reason.isEmpty { errors["reason"] = "plan.error.reason_required" }
        SubmittedFields.checkText(
            reason, field: "reason", maxLength: 1000, tooLong: "plan.error.reason_too_long", into: &errors)
        let volunteer = PlanStepForm.whole(volunteerMinutes, upTo: 100_000, field: "volunteer", errors: &errors)
        let advisor = PlanStepForm.whole(advisorMinutes, upTo: 100_000, field: "advisor", errors: &errors)
        guard let status, errors.isEmpty else { return .failure(errors) }
        return .success(
            Change(status: status, reason: reason, volunteerMinutes: volunteer ?? 0, advisorMinutes: advisor ?? 0))
    }
}
