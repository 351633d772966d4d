import Hummingbird

/// A form with groups of check boxes that repeat their name without `[]` (one value per ticked box),
/// which Hummingbird's decoder refuses. The boxes are set apart, the rest is decoded, and each group's
/// values are put back where `boxes` says.
protocol FormWithBoxes: Decodable {
    /// Each group of boxes: its field name and the list its ticked values go to.
    static var boxes: [(name: String, values: WritableKeyPath<Self, [String]>)] { get }
}

extension AppRequestContext {
    /// The body decoded into `Form`, its boxes read beside it. A body the decoder cannot read is a
    /// 400, as with `decodeForm` for plain forms.
    func decodeForm<Form: FormWithBoxes>(_: Form.Type) throws -> Form {
        let names = Set(Form.boxes.map(\.name))
        let rest = form.encoded.split(separator: "&").filter { !names.contains(String($0.prefix { $0 != "=" })) }
        var decoded: Form
        do {
            decoded = try URLEncodedFormDecoder().decode(Form.self, from: rest.joined(separator: "&"))
        } catch {
            throw PageError(status: .badRequest, messageKey: "error.400.text")
        }
        for box in Form.boxes { decoded[keyPath: box.values] = form.all(box.name) }
        return decoded
    }
}
