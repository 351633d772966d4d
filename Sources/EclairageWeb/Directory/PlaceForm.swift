import EclairageDomain
import Foundation

/// The form for proposing a place or editing one's own listing. It is turned into a row of the
/// national schema and checked by the same `PlaceRowChecker` as imports, so a listing entered by hand
/// obeys exactly the rules of a file.
struct PlaceForm: Sendable {
    static let textFields = [
        "nom", "pivot", "adresse", "complement_adresse", "code_postal", "commune", "telephone", "courriels", "site_web",
        "horaires", "presentation_resume", "fiche_acces_libre", "prise_rdv",
    ]
    static let listFields = [
        "services", "publics_specifiquement_adresses", "frais_a_charge", "modalites_acces", "modalites_accompagnement",
    ]

    var values: [String: String] = [:]
    var lists: [String: [String]] = [:]
    var contact = ""
    var confirmedNew = false

    init() {}

    init(_ form: FormData) {
        for name in Self.textFields {
            values[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for name in Self.listFields { lists[name] = form.all(name) }
        contact = EmailAddress.normalise(form["contact"] ?? "")
        confirmedNew = form["confirmer_nouveau"] == "1"
    }

    init(place: Place) {
        for name in Self.textFields { values[name] = place.schemaValues(name).joined(separator: "|") }
        for name in Self.listFields { lists[name] = place.schemaValues(name) }
    }

    /// The place as checked, or the problems by column (French messages).
    func check(id: String, schema: DirectorySchema, communes: CommuneIndex, today: Day, keeping existing: Place? = nil)
        -> (Place?, [String: String])
    {
        var row = [String: String]()
        for name in Self.textFields { row[name] = values[name] ?? "" }
        for name in Self.listFields { row[name] = (lists[name] ?? []).joined(separator: "|") }
        row["id"] = id
        row["date_maj"] = today.iso
        if let existing {
            // What the form does not show is kept as it was (typology, labels, coordinates when the address stays).
            for column in [
                "typologie", "source", "structure_parente", "itinerance", "prise_en_charge_specifique",
                "dispositif_programmes_nationaux",
                "formations_labels", "autres_formations_labels", "code_insee", "latitude", "longitude",
            ] {
                row[column] = existing.schemaValues(column).joined(separator: "|")
            }
        }
        let postcode = row["code_postal"] ?? ""
        let commune = row["commune"] ?? ""
        if existing == nil || existing?.postcode != postcode || existing?.commune != commune {
            if let found = communes.communes(postcode: postcode).first(where: {
                SearchText.normalise($0.name) == SearchText.normalise(commune)
            }) {
                row["code_insee"] = found.insee
                row["latitude"] = String(found.latitude)
                row["longitude"] = String(found.longitude)
            } else {
                row["code_insee"] = ""
                row["latitude"] = ""
                row["longitude"] = ""
            }
        }
        guard
            let checker = try? PlaceRowChecker(
                schema: schema, header: Place.schemaColumns, postcodeBelongs: { communes.postcode($1, belongsTo: $0) })
        else {
            return (nil, ["-": "schéma illisible"])
        }
        let outcome = checker.check(Place.schemaColumns.map { row[$0] ?? "" })
        var problems: [String: String] = [:]
        for problem in outcome.problems where problems[problem.column] == nil {
            problems[problem.column] = problem.message
        }
        return (outcome.place, problems)
    }
}
