import EclairageDomain

/// The rights request form's body; a field left out stays `nil`, so the page shown back is the one sent.
struct RightsFormBody: Decodable {
    var kind: String?
    var receivedOn: String?
    var requester: String?
    var details: String?
    var identityChecked: String?
    var extensionReasons: String?
    var answeredOn: String?
    var outcome: String?

    enum CodingKeys: String, CodingKey {
        case kind, requester, details, outcome
        case receivedOn = "received_on", identityChecked = "identity_checked"
        case extensionReasons = "extension_reasons", answeredOn = "answered_on"
    }

    var form: RightsRequest.Form {
        var form = RightsRequest.Form()
        form.kind = kind ?? ""
        form.receivedOn = receivedOn ?? ""
        form.requester = requester ?? ""
        form.details = details ?? ""
        form.identityChecked = identityChecked ?? ""
        form.extensionReasons = extensionReasons ?? ""
        form.answeredOn = answeredOn ?? ""
        form.outcome = outcome ?? ""
        return form
    }

    /// The values sent, by field name, to show back.
    var values: [String: String] {
        let sent: [CodingKeys: String?] = [
            .kind: kind, .receivedOn: receivedOn, .requester: requester, .details: details,
            .identityChecked: identityChecked, .extensionReasons: extensionReasons, .answeredOn: answeredOn,
            .outcome: outcome,
        ]
        return Dictionary(uniqueKeysWithValues: sent.compactMap { key, value in value.map { (key.rawValue, $0) } })
    }
}
