import EclairageDomain
import Foundation

/// The form for proposing a place or editing one's own listing. It is turned into a row of the
/// national schema and checked by the same `PlaceRowChecker` as imports, so a listing entered by hand
/// obeys exactly the rules of a file.
struct PlaceFormBody: FormWithBoxes, Sendable {
    var name = "", pivot = "", address = "", addressExtra = "", postcode = "", commune = "", phone = ""
    var emails = "", websites = "", hours = "", summary = "", accessibilityURL = "", bookingURL = ""
    var services: [String] = [], audiences: [String] = [], fees: [String] = [], accessModes: [String] = []
    var supportModes: [String] = []
    /// Who proposes the place, to be told of the decision (a proposal only).
    var contact = ""
    /// The person saw the likely duplicates and says this is another place.
    var confirmedNew = false
    /// "Je ne sais pas" ticked for the SIRET or RNA: the schema's "unknown" value, left to the editors.
    var pivotUnknown = false
    /// The opening hours' grid as typed, by field name (`horaires_mo_1_de`…), shown back after an error.
    var grid: [String: String] = [:]
    /// The hours were written from the grid (shown back in the grid, not in the typed field).
    var hoursFromGrid = false

    /// The schema's value for an organisation whose number nobody knows.
    static let unknownPivot = "00000000000000"

    /// The grid's field for a day (0 = Monday), a slot (1, 2) and an end ("de", "a").
    static func gridField(_ day: Int, _ slot: Int, _ end: String) -> String {
        "horaires_\(OpeningHoursGrid.days[day].lowercased())_\(slot)_\(end)"
    }

    /// The text fields, in the order of the page, by the national schema's column each fills.
    static var texts: [(column: String, value: WritableKeyPath<Self, String>)] {
        [
            ("nom", \.name), ("pivot", \.pivot), ("adresse", \.address), ("complement_adresse", \.addressExtra),
            ("code_postal", \.postcode), ("commune", \.commune), ("telephone", \.phone), ("courriels", \.emails),
            ("site_web", \.websites), ("horaires", \.hours), ("presentation_resume", \.summary),
            ("fiche_acces_libre", \.accessibilityURL), ("prise_rdv", \.bookingURL),
        ]
    }

    /// The boxes (several values of the schema's list), by column.
    static var boxes: [(name: String, values: WritableKeyPath<Self, [String]>)] {
        [
            ("services", \.services), ("publics_specifiquement_adresses", \.audiences), ("frais_a_charge", \.fees),
            ("modalites_acces", \.accessModes), ("modalites_accompagnement", \.supportModes),
        ]
    }

    static var textFields: [String] { texts.map(\.column) }
    static var listFields: [String] { boxes.map(\.name) }

    init() {}

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Field.self)
        func text(_ name: String) throws -> String {
            try fields.decodeIfPresent(String.self, forKey: Field(name)) ?? ""
        }
        for (column, value) in Self.texts {
            self[keyPath: value] = try text(column).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        contact = EmailAddress.normalise(try text("contact"))
        confirmedNew = try text("confirmer_nouveau") == "1"
        // A SIRET is often written in groups ("823 184 841 00083").
        pivot = pivot.filter { !$0.isWhitespace }
        pivotUnknown = try text("pivot_inconnu") == "1"
        if pivotUnknown, pivot.isEmpty || pivot == Self.unknownPivot { pivot = Self.unknownPivot }
        var week: [[(from: String, to: String)]] = []
        for day in OpeningHoursGrid.days.indices {
            var slots: [(from: String, to: String)] = []
            for slot in 1...OpeningHoursGrid.slots {
                let (from, to) = (try text(Self.gridField(day, slot, "de")), try text(Self.gridField(day, slot, "a")))
                grid[Self.gridField(day, slot, "de")] = String(from.prefix(10))
                grid[Self.gridField(day, slot, "a")] = String(to.prefix(10))
                slots.append((from, to))
            }
            week.append(slots)
        }
        // Typing the syntax stays possible; the grid fills the field when it was left empty.
        if hours.isEmpty, let written = OpeningHoursGrid.osm(week) {
            hours = written
            hoursFromGrid = true
        }
    }

    /// The listing as it is, to edit.
    init(place: Place) {
        for (column, value) in Self.texts { self[keyPath: value] = place.schemaValues(column).joined(separator: "|") }
        for (column, values) in Self.boxes { self[keyPath: values] = place.schemaValues(column) }
        pivotUnknown = pivot == Self.unknownPivot
    }

    /// The text fields' values by column, to show back.
    var values: [String: String] {
        Dictionary(uniqueKeysWithValues: Self.texts.map { ($0.column, self[keyPath: $0.value]) })
    }

    /// The ticked boxes by column.
    var lists: [String: [String]] {
        Dictionary(uniqueKeysWithValues: Self.boxes.map { ($0.name, self[keyPath: $0.values]) })
    }

    /// A field of the body named as the page names it.
    struct Field: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// The place as checked, or the problems by column (French messages).
    func check(id: String, schema: DirectorySchema, communes: CommuneIndex, today: Day, keeping existing: Place? = nil)
        -> (Place?, [String: String])
    {
        var row = [String: String]()
        for (column, value) in Self.texts { row[column] = self[keyPath: value] }
        for (column, values) in Self.boxes { row[column] = self[keyPath: values].joined(separator: "|") }
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
