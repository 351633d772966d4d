import Hummingbird

/// The fixed fields of a survey's answer form. The answers themselves are read by question
/// (`SurveyAnswers.read`) from fields named `q-` and the question's id, some repeated (several choices).
struct SurveyAnswerForm: Decodable {
    @FormText var association: String
    @FormText var departement: String
}

extension AppRequestContext {
    /// The answer form's fixed fields, the answers' fields set apart (a body that does not decode: 400).
    func decodeSurveyAnswerForm() throws -> SurveyAnswerForm {
        let rest = form.encoded.split(separator: "&").filter { !$0.hasPrefix("q-") }.joined(separator: "&")
        do {
            return try URLEncodedFormDecoder().decode(SurveyAnswerForm.self, from: rest)
        } catch {
            throw PageError(status: .badRequest, messageKey: "error.400.text")
        }
    }
}

/// The fixed fields of the network's survey form; the question slots are read by
/// `SurveyFormFields.definition`.
struct SurveyDefinitionForm: Decodable {
    @FormText var title: String
    @FormText var introduction: String
    @FormText var territory: String
    @FormText var opens: String
    @FormText var closes: String
}

/// Opening or closing a survey now (`open`, `close`).
struct SurveyStateForm: Decodable {
    @FormText var action: String
}
