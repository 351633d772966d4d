import EclairageDomain

/// The register activity form's body; a field left out stays `nil`, so the page shown back is the one sent.
struct ActivityFormBody: Decodable {
    var name: String?
    var purpose: String?
    var legalBasis: String?
    var people: String?
    var data: String?
    var recipients: String?
    var retention: String?
    var security: String?

    enum CodingKeys: String, CodingKey {
        case name, purpose, people, data, recipients, retention, security
        case legalBasis = "legal_basis"
    }

    var form: ProcessingActivity.Form {
        var form = ProcessingActivity.Form()
        form.name = name ?? ""
        form.purpose = purpose ?? ""
        form.legalBasis = legalBasis ?? ""
        form.people = people ?? ""
        form.data = data ?? ""
        form.recipients = recipients ?? ""
        form.retention = retention ?? ""
        form.security = security ?? ""
        return form
    }

    /// The values sent, by field name, to show back.
    var values: [String: String] {
        let sent: [CodingKeys: String?] = [
            .name: name, .purpose: purpose, .legalBasis: legalBasis, .people: people, .data: data,
            .recipients: recipients,
            .retention: retention, .security: security,
        ]
        return Dictionary(uniqueKeysWithValues: sent.compactMap { key, value in value.map { (key.rawValue, $0) } })
    }
}
