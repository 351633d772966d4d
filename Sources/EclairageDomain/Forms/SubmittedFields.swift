/// How the domain reads what a form sent: values trimmed, empty meaning absent, free text checked for
/// its length and for what looks like a password. Shared by the typed forms (association, asset,
/// register activity, breach).
public enum SubmittedFields {
    public static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The trimmed value, nil when nothing was typed.
    public static func optional(_ text: String) -> String? {
        let trimmed = trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Free text (`text` already trimmed): longer than `maxLength` is refused with `tooLong`, and what
    /// looks like a password is refused (`asset.error.secret`, or `asset.error.markup` when a tag is why):
    /// only where a secret is kept is written down.
    public static func checkText(
        _ text: String, field: String, maxLength: Int, tooLong: String, into errors: inout FieldErrors
    ) {
        if text.count > maxLength { errors[field] = tooLong }
        if let suspicion = SecretDetector.suspicion(text) { errors[field] = suspicion.errorKey }
    }
}
