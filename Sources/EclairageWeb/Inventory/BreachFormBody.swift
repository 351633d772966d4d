import EclairageDomain

/// The breach form's body; a field left out stays `nil`, so the page shown back is the one sent.
struct BreachFormBody: Decodable {
    var started: String?
    var discovered: String?
    var foundHow: String?
    var kind: String?
    var cause: String?
    var nature: String?
    var people: String?
    var records: String?
    var consequences: String?
    var measures: String?
    var contact: String?
    var risk: String?
    var peopleTold: String?
    var delayReasons: String?
    var noNotifyReasons: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case started, discovered, kind, cause, nature, people, records, consequences, measures, contact, risk
        case foundHow = "found_how", peopleTold = "people_told", delayReasons = "delay_reasons"
        case noNotifyReasons = "no_notify_reasons"
    }

    var form: Breach.Form {
        var form = Breach.Form()
        form.started = started ?? ""
        form.discovered = discovered ?? ""
        form.foundHow = foundHow ?? ""
        form.kind = kind ?? ""
        form.cause = cause ?? ""
        form.nature = nature ?? ""
        form.people = people ?? ""
        form.records = records ?? ""
        form.consequences = consequences ?? ""
        form.measures = measures ?? ""
        form.contact = contact ?? ""
        form.risk = risk ?? ""
        form.peopleTold = peopleTold ?? ""
        form.delayReasons = delayReasons ?? ""
        form.noNotifyReasons = noNotifyReasons ?? ""
        return form
    }

    /// The values sent, by field name, to show back.
    var values: [String: String] {
        let sent: [CodingKeys: String?] = [
            .started: started, .discovered: discovered, .foundHow: foundHow, .kind: kind, .cause: cause,
            .nature: nature, .people: people, .records: records, .consequences: consequences, .measures: measures,
            .contact: contact, .risk: risk, .peopleTold: peopleTold, .delayReasons: delayReasons,
            .noNotifyReasons: noNotifyReasons,
        ]
        return Dictionary(uniqueKeysWithValues: sent.compactMap { key, value in value.map { (key.rawValue, $0) } })
    }
}
