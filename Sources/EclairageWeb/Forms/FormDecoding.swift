import Hummingbird

/// A text field of a form: absent reads as empty, so a form type lists its fields once and the
/// controller never spells a field name as a string.
@propertyWrapper
struct FormText: Decodable, Sendable {
    var wrappedValue: String

    init(wrappedValue: String = "") { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(String.self)
    }
}

extension KeyedDecodingContainer {
    /// Lets `@FormText` fields be missing from the body.
    func decode(_ type: FormText.Type, forKey key: Key) throws -> FormText {
        try decodeIfPresent(type, forKey: key) ?? FormText()
    }
}

extension AppRequestContext {
    /// The POST body decoded into `Form` with Hummingbird's URL-encoded form decoder. A body it cannot
    /// read (a field sent twice where one is expected, say) is a 400 with a clear page, never a 500.
    func decodeForm<Form: Decodable>(_: Form.Type) throws -> Form {
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: form.encoded)
        } catch {
            throw PageError(status: .badRequest, messageKey: "error.400.text")
        }
    }
}
