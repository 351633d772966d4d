/// An advisor's dated note of an interview or a contact: visible to the association unless marked
/// internal to the support body.
public struct NoteForm: Sendable, Equatable {
    public var day: String
    public var text: String
    public var isInternal: Bool
    public var minutes: String

    public init(day: String = "", text: String = "", isInternal: Bool = false, minutes: String = "") {
        self.day = day
        self.text = text
        self.isInternal = isInternal
        self.minutes = minutes
    }

    public struct Note: Sendable, Equatable {
        public let day: Day
        public let text: String
        public let isInternal: Bool
        /// Time the contact took, for the support body's activity report.
        public let minutes: Int?
    }

    /// `today` in France: a note may be dated today or earlier, not later.
    public func validate(today: Day) -> Result<Note, FieldErrors> {
        var errors = FieldErrors()
        let day = Day(iso: SubmittedFields.trimmed(self.day))
        if day == nil {
            errors["day"] = "note.error.day_invalid"
        } else if let day, day > today {
            errors["day"] = "note.error.day_future"
        }
        let text = SubmittedFields.trimmed(text)
        if text.isEmpty { errors["text"] = "note.error.text_required" }
        SubmittedFields.checkText(
            text, field: "text", maxLength: 10_000, tooLong: "note.error.text_too_long", into: &errors)
        let minutes = PlanStepForm.whole(self.minutes, upTo: 1440, field: "minutes", errors: &errors)
        guard let day, errors.isEmpty else { return .failure(errors) }
        return .success(Note(day: day, text: text, isInternal: isInternal, minutes: minutes))
    }
}
