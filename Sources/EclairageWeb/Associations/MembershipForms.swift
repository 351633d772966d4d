/// Forms of an association's page, as sent.
struct TransferForm: Decodable {
    @FormText var member: String
}

struct AccessForm: Decodable {
    @FormText var supportBody: String
    @FormText var action: String

    enum CodingKeys: String, CodingKey {
        case supportBody = "support_body", action
    }

    var withdraws: Bool { action == "withdraw" }
}

struct SavedStepForm: Decodable {
    @FormText var kind: String
    @FormText var reference: String
    @FormText var diagnostic: String
}
