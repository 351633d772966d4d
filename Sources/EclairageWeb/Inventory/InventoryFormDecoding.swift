import Hummingbird

extension AppRequestContext {
    /// The body decoded into `Form` with Hummingbird's decoder, the check boxes named `repeated` (one
    /// value per box, the name repeated without `[]`, which the decoder refuses) set apart and returned
    /// beside it. A body the decoder cannot read is a 400, as with `decodeForm`.
    func decodeForm<Form: Decodable>(_: Form.Type, settingApart repeated: String) throws -> (Form, [String]) {
        let rest = form.encoded.split(separator: "&").filter { !$0.hasPrefix("\(repeated)=") }.joined(separator: "&")
        do {
            return (try URLEncodedFormDecoder().decode(Form.self, from: rest), form.all(repeated))
        } catch {
            throw PageError(status: .badRequest, messageKey: "error.400.text")
        }
    }
}
