import EclairageDomain

/// The register activity form's body; a field left out stays `nil`, so the page shown back is the one sent.
struct ActivityFormBody: Decodable {
    var name: String?
    var jointController: String?
    var purpose: String?
    var legalBasis: String?
    var people: String?
    var data: String?
    var sensitive: String?
    var recipients: String?
    var transfers: String?
    var transferBasis: String?
    var retention: String?
    var security: String?

    enum CodingKeys: String, CodingKey {
        case name, purpose, people, data, sensitive, recipients, transfers, retention, security
        case legalBasis = "legal_basis", jointController = "joint_controller", transferBasis = "transfer_basis"
    }

    var form: ProcessingActivity.Form {
        var form = ProcessingActivity.Form()
        form.name = name ?? ""
        form.jointController = jointController ?? ""
        form.sensitive = sensitive ?? ""
        form.transfers = transfers ?? ""
        form.transferBasis = transferBasis ?? ""
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
            .name: name, .jointController: jointController, .sensitive: sensitive, .transfers: transfers,
            .transferBasis: transferBasis, .purpose: purpose, .legalBasis: legalBasis, .people: people, .data: data,
            .recipients: recipients,
            .retention: retention, .security: security,
        ]
        return Dictionary(uniqueKeysWithValues: sent.compactMap { key, value in value.map { (key.rawValue, $0) } })
    }
}
