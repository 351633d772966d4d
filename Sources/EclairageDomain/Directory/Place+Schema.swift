/// A place in and out of the national schema's columns (names as in the schema, in its order).
extension Place {
    public static let schemaColumns = [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude",
        "longitude",
        "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail",
        "source",
        "itinerance", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses",
        "prise_en_charge_specifique",
        "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels",
        "modalites_acces",
        "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
    ]

    /// The values of one column ("" or [] when empty).
    public func schemaValues(_ column: String) -> [String] {
        func one(_ value: String?) -> [String] { value.map { $0.isEmpty ? [] : [$0] } ?? [] }
        switch column {
        case "id": return [externalID]
        case "pivot": return one(pivot)
        case "nom": return [name]
        case "commune": return [commune]
        case "code_postal": return [postcode]
        case "code_insee": return one(insee)
        case "adresse": return [address]
        case "complement_adresse": return one(addressExtra)
        case "latitude": return one(latitude.map(Self.coordinate))
        case "longitude": return one(longitude.map(Self.coordinate))
        case "typologie": return kinds
        case "telephone": return one(phone)
        case "courriels": return emails
        case "site_web": return websites
        case "horaires": return one(openingHours)
        case "presentation_resume": return one(summary)
        case "presentation_detail": return one(details)
        case "source": return one(source)
        case "structure_parente": return one(parent)
        case "date_maj": return [updatedOn]
        case "services": return services
        case "publics_specifiquement_adresses": return audiences
        case "prise_en_charge_specifique": return specificSupport
        case "frais_a_charge": return fees
        case "itinerance": return itinerance
        case "modalites_acces": return accessModes
        case "modalites_accompagnement": return supportModes
        case "fiche_acces_libre": return one(accessibilityURL)
        case "prise_rdv": return one(bookingURL)
        case "formations_labels": return labels
        case "autres_formations_labels": return otherLabels
        case "dispositif_programmes_nationaux": return programmes
        default: return []
        }
    }

    /// Sets one column from already checked values.
    public mutating func setSchemaValues(_ column: String, _ values: [String]) {
        let first = values.first.flatMap { $0.isEmpty ? nil : $0 }
        switch column {
        case "id": externalID = first ?? ""
        case "pivot": pivot = first
        case "nom": name = first ?? ""
        case "commune": commune = first ?? ""
        case "code_postal": postcode = first ?? ""
        case "code_insee": insee = first
        case "adresse": address = first ?? ""
        case "complement_adresse": addressExtra = first
        case "latitude": latitude = first.flatMap(Double.init)
        case "longitude": longitude = first.flatMap(Double.init)
        case "typologie": kinds = values
        case "telephone": phone = first
        case "courriels": emails = values
        case "site_web": websites = values
        case "horaires": openingHours = first
        case "presentation_resume": summary = first
        case "presentation_detail": details = first
        case "source": source = first
        case "structure_parente": parent = first
        case "date_maj": updatedOn = first ?? ""
        case "services": services = values
        case "publics_specifiquement_adresses": audiences = values
        case "prise_en_charge_specifique": specificSupport = values
        case "frais_a_charge": fees = values
        case "itinerance": itinerance = values
        case "modalites_acces": accessModes = values
        case "modalites_accompagnement": supportModes = values
        case "fiche_acces_libre": accessibilityURL = first
        case "prise_rdv": bookingURL = first
        case "formations_labels": labels = values
        case "autres_formations_labels": otherLabels = values
        case "dispositif_programmes_nationaux": programmes = values
        default: break
        }
    }

    /// The row in schema order, lists joined by `separator`.
    public func schemaRow(separator: String = "|") -> [String] {
        Self.schemaColumns.map { schemaValues($0).joined(separator: separator) }
    }

    static func coordinate(_ value: Double) -> String {
        var text = String((value * 1_000_000).rounded() / 1_000_000)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
