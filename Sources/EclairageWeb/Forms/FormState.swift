import EclairageDomain

/// A form as a template shows it: what was typed (escaped by the template), one message per field,
/// and the list of messages for the summary at the top.
struct FormState: Sendable {
    let values: [String: String]
    let errors: [String: String]
    let errorList: [FieldMessage]
    /// Stored, not computed: templates only see stored properties.
    let hasErrors: Bool

    struct FieldMessage: Sendable {
        let field: String
        let message: String
    }

    static let empty = FormState(values: [:], errors: [:], errorList: [])

    /// `order` lists the fields as they appear, so the summary follows the page.
    /// `messages` holds messages already translated (those with values, such as a password's entropy).
    init(
        values: [String: String], errors: FieldErrors = FieldErrors(), messages: [String: String] = [:],
        order: [String] = [],
        views: Views, context: AppRequestContext
    ) {
        let translated = errors.byField.mapValues { views.text($0, context) }.merging(messages) { first, _ in first }
        self.values = values.filter { !$0.key.hasPrefix("_") && !$0.key.contains("password") }
        self.errors = translated
        let ordered = order.filter { translated[$0] != nil } + translated.keys.filter { !order.contains($0) }.sorted()
        self.errorList = ordered.map { FieldMessage(field: $0, message: translated[$0]!) }
        self.hasErrors = !errorList.isEmpty
    }

    init(values: [String: String], errors: [String: String], errorList: [FieldMessage]) {
        self.values = values
        self.errors = errors
        self.errorList = errorList
        self.hasErrors = !errorList.isEmpty
    }
}
