import EclairageDomain

/// The breach form's body; a field left out stays `nil`, so the page shown back is the one sent.
struct BreachFormBody: Decodable {
    var discovered: String?
    var nature: String?
    var people: String?
    var records: String?
    var consequences: String?
    var measures: String?
    var contact: String?
    var risk: String?

    enum CodingKeys: String, CodingKey {
        case discovered, nature, people, records, consequences, measures, contact, risk
    }

    var form: Breach.Form {
        var form = Breach.Form()
        form.discovered = discovered ?? ""
        form.nature = nature ?? ""
        form.people = people ?? ""
        form.records = records ?? ""
        form.consequences = consequences ?? ""
        form.measures = measures ?? ""
        form.contact = contact ?? ""
        form.risk = risk ?? ""
        return form
    }

    /// The values sent, by field name, to show back.
    var values: [String: String] {
        let sent: [CodingKeys: String?] = [
            .discovered: discovered, .nature: nature, .people: people, .records: records, .consequences: consequences,
            .measures: measures, .contact: contact, .risk: risk,
        ]
        return Dictionary(uniqueKeysWithValues: sent.compactMap { key, value in value.map { (key.rawValue, $0) } })
    }
}
