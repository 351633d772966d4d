/// Forms of the accompaniment, as sent.
struct AskForHelpForm: Decodable {
    @FormText var supportBody: String
    @FormText var sharesPlan: String
    @FormText var sharesInventory: String
    @FormText var message: String

    enum CodingKeys: String, CodingKey {
        case supportBody = "support_body", sharesPlan = "shares_plan", sharesInventory = "shares_inventory", message
    }

    var values: [String: String] {
        var values = ["support_body": supportBody, "message": message]
        if !sharesPlan.isEmpty { values["shares_plan"] = "1" }
        if !sharesInventory.isEmpty { values["shares_inventory"] = "1" }
        return values
    }
}

struct AnswerRequestForm: Decodable {
    @FormText var request: String
    @FormText var answer: String
    @FormText var sharesPlan: String
    @FormText var sharesInventory: String

    enum CodingKeys: String, CodingKey {
        case request, answer, sharesPlan = "shares_plan", sharesInventory = "shares_inventory"
    }
}

struct RequestAccessForm: Decodable {
    @FormText var identifier: String
    @FormText var message: String
}

struct VettingForm: Decodable {
    @FormText var decision: String
    @FormText var note: String
}

/// An advisor's note, as sent.
struct NoteBody: Decodable {
    @FormText var day: String
    @FormText var text: String
    @FormText var `internal`: String
    @FormText var minutes: String
    @FormText var supportBody: String

    enum CodingKeys: String, CodingKey {
        case day, text, `internal`, minutes, supportBody = "support_body"
    }

    var values: [String: String] {
        var values = ["day": day, "text": text, "minutes": minutes, "support_body": supportBody]
        if !`internal`.isEmpty { values["internal"] = "1" }
        return values
    }
}

/// An advisor closing the accompaniment, as sent.
struct CloseAccompanimentBody: Decodable {
    @FormText var reason: String
    @FormText var supportBody: String

    enum CodingKeys: String, CodingKey {
        case reason, supportBody = "support_body"
    }
}
