/// Messages per form field, as translation keys ("account.email_invalid").
public struct FieldErrors: Error, Sendable, Equatable {
    public private(set) var byField: [String: String] = [:]

    public init(_ byField: [String: String] = [:]) { self.byField = byField }

    public subscript(field: String) -> String? {
        get { byField[field] }
        set { byField[field] = newValue }
    }

    public var isEmpty: Bool { byField.isEmpty }
}
