/// An advisor closes an accompaniment (its goals reached, the association gone quiet…): the body's
/// access ends at once, as with a withdrawal, but the closing stays, with its reason, for the
/// association to read and for the body's activity report ("closed" in the period).
public struct AccompanimentClosing: Sendable, Equatable {
    public var reason: String

    public init(reason: String = "") {
        self.reason = reason
    }

    /// The reason, trimmed: required, short.
    public func validate() -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        let reason = SubmittedFields.trimmed(reason)
        if reason.isEmpty { errors["reason"] = "closing.error.reason_required" }
        SubmittedFields.checkText(
            reason, field: "reason", maxLength: 500, tooLong: "closing.error.reason_too_long", into: &errors)
        guard errors.isEmpty else { return .failure(errors) }
        return .success(reason)
    }
}
