/// Forms of an association's page, as sent.
struct TransferForm: Decodable {
    @FormText var member: String
}

/// Withdrawing a support body's access.
struct AccessForm: Decodable {
    @FormText var supportBody: String

    enum CodingKeys: String, CodingKey {
        case supportBody = "support_body"
    }
}

struct SavedStepForm: Decodable {
    @FormText var kind: String
    @FormText var reference: String
    @FormText var diagnostic: String
}
