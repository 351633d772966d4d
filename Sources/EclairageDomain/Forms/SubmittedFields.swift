/// A form's single values as the domain checks them: trimmed, empty meaning absent.
public struct SubmittedFields: Sendable {
    public let fields: [String: String]

    public init(_ fields: [String: String]) { self.fields = fields }

    public subscript(_ key: String) -> String { (fields[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    public func optional(_ key: String) -> String? {
        let text = self[key]
        return text.isEmpty ? nil : text
    }

    /// Free text of the inventory's forms: longer than `maxLength` is refused with `tooLong`, and what
    /// looks like a password is refused (`asset.error.secret`, or `asset.error.markup` when a tag is why): only where a secret is kept is written down.
    public func checkText(_ names: [String], maxLength: Int, tooLong: String, into errors: inout FieldErrors) {
        for name in names {
            Self.checkText(self[name], field: name, maxLength: maxLength, tooLong: tooLong, into: &errors)
        }
    }

    /// The same check for one typed field (`text` already trimmed).
    public static func checkText(
        _ text: String, field: String, maxLength: Int, tooLong: String, into errors: inout FieldErrors
    ) {
        if text.count > maxLength { errors[field] = tooLong }
        if let suspicion = SecretDetector.suspicion(text) { errors[field] = suspicion.errorKey }
    }
}
