/// The corrections a spreadsheet makes necessary, and checks a pattern cannot express.
extension PlaceRowChecker {
    /// A corrected spelling when exactly one reading is possible, or nil.
    func correction(of value: String, column: DirectorySchema.Column, fields: [String]) -> String? {
        switch column.type {
        case .date: return Self.isoDay(fromFrench: value)
        case .number: return value.replacingOccurrences(of: ",", with: ".")
        case .string: break
        }
        switch column.name {
        case "telephone":
            let compact = value.filter { $0.isNumber || $0 == "+" }
            if compact.count == 10, compact.hasPrefix("0") {
                return matches(compact, column.name) ? compact : "+33" + compact.dropFirst()
            }
            if compact.count == 11, compact.hasPrefix("33") { return "+" + compact }
            return compact
        case "code_postal", "code_insee":
            guard value.count == 4, value.allSatisfy(\.isNumber) else { return nil }
            let padded = "0" + value
            if column.name == "code_insee" { return nil }
            let commune = positions["commune"].map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            return postcodeBelongs(commune, padded) ? padded : nil
        default:
            return nil
        }
    }

    /// `31/01/2024`, `31-01-2024` or `1/2/2024` as `2024-01-31`, when that day exists.
    static func isoDay(fromFrench value: String) -> String? {
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        let iso = "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
        return Day(iso: iso) == nil ? nil : iso
    }

    /// Checks of particular columns beyond what the schema declares: an identifier's check digits.
    func semanticProblem(_ value: String, column: String) -> String? {
        switch column {
        case "pivot":
            if value.allSatisfy({ $0 == "0" }) { return nil }
            // SIRET (14 digits) and RNA (W and 9 digits) are checked; other identifiers the schema admits (RIDET) pass.
            if value.hasPrefix("W") {
                return OrganisationIdentifier.checkRNA(value) == nil
                    ? nil : "« \(value) » n'est pas un numéro RNA (W suivi de 9 chiffres)"
            }
            guard value.count == 14, value.allSatisfy(\.isNumber) else { return nil }
            return OrganisationIdentifier.checkSIRET(value) == nil
                ? nil : "« \(value) » n'est pas un SIRET valide (14 chiffres, clé de contrôle)"
        default:
            return nil
        }
    }

    static func patternMessage(_ column: String, _ value: String) -> String {
        switch column {
        case "code_postal": "« \(value) » n'est pas un code postal (5 chiffres)"
        case "code_insee": "« \(value) » n'est pas un code commune INSEE (5 caractères)"
        case "telephone": "« \(value) » n'est pas un numéro de téléphone au format attendu (exemple : +33247000000)"
        case "date_maj": "« \(value) » n'est pas une date existante (format attendu : AAAA-MM-JJ)"
        case "site_web", "fiche_acces_libre", "prise_rdv": "« \(value) » n'est pas une adresse web complète (https://…)"
        case "courriels": "« \(value) » n'est pas une adresse électronique"
        default: "« \(value) » n'a pas la forme attendue pour ce champ"
        }
    }

    /// Checks across columns: coordinates come in pairs and lie in France (metropolitan or overseas).
    func crossChecks(_ place: Place) -> [Finding] {
        switch (place.latitude, place.longitude) {
        case (nil, nil): return []
        case (.some(let latitude), .some(let longitude)):
            if FranceArea.contains(latitude: latitude, longitude: longitude) { return [] }
            return [
                .init(column: "latitude", message: "les coordonnées (\(latitude), \(longitude)) sont hors de France")
            ]
        default:
            return [
                .init(
                    column: place.latitude == nil ? "latitude" : "longitude",
                    message: "latitude et longitude vont ensemble : l'une manque")
            ]
        }
    }
}

/// Rough boxes around metropolitan France, Corsica and the overseas territories.
public enum FranceArea {
    static let boxes: [(ClosedRange<Double>, ClosedRange<Double>)] = [
        (41.3...51.2, -5.3...9.7),  // metropolitan France and Corsica
        // Guadeloupe, Martinique, Guyane
        (15.8...16.6, -61.9...(-60.9)), (14.3...14.95, -61.3...(-60.75)), (2.0...5.9, -54.7...(-51.5)),
        (-21.45...(-20.85), 55.2...55.9), (-13.1...(-12.6), 44.9...45.35),  // La Réunion, Mayotte
        // Saint-Pierre-et-Miquelon, Saint-Martin and Saint-Barthélemy
        (46.7...47.2, -56.5...(-56.1)), (17.8...18.15, -63.2...(-62.75)),
        // Pacific
        (-28.0...(-7.0), -155.0...(-134.0)), (-23.0...(-19.0), 163.0...169.0), (-14.4...(-13.1), -178.3...(-176.0)),
    ]

    public static func contains(latitude: Double, longitude: Double) -> Bool {
        boxes.contains { $0.0.contains(latitude) && $0.1.contains(longitude) }
    }
}
