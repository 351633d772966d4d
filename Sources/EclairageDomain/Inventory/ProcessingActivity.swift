import Foundation

/// A processing activity of the GDPR register (art. 30): what is done with whose data, on what legal
/// basis, for how long, with what safeguards — and the inventory assets it runs on, from which where
/// the data lives (and any transfer outside the EU) is derived rather than typed again.
public struct ProcessingActivity: Sendable, Equatable, Codable {
    public enum LegalBasis: String, Sendable, Codable, CaseIterable {
        case consent, contract, legalObligation = "legal-obligation", vitalInterests = "vital-interests"
        case publicInterest = "public-interest", legitimateInterests = "legitimate-interests"
    }

    public var id: String
    public var name: String
    public var purpose: String
    public var legalBasis: LegalBasis
    public var people: String
    public var data: String
    public var recipients: String
    public var retention: String
    public var security: String
    public var assetIDs: [String]

    public init(
        id: String, name: String, purpose: String, legalBasis: LegalBasis, people: String, data: String,
        recipients: String,
        retention: String, security: String, assetIDs: [String] = []
    ) {
        self.id = id
        self.name = name
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.people = people
        self.data = data
        self.recipients = recipients
        self.retention = retention
        self.security = security
        self.assetIDs = assetIDs
    }

    /// Where the data of this activity lives, from its assets: each distinct location once, and whether
    /// any goes outside the EU without an adequacy decision (a transfer to document).
    public func locations(in assets: [Asset]) -> (locations: [String], transferOutsideEU: Bool) {
        let used = assets.filter { assetIDs.contains($0.id) }
        let locations = used.map { $0.dataLocation ?? "unknown" }
        var unique: [String] = []
        for location in locations where !unique.contains(location) { unique.append(location) }
        return (unique, locations.contains("outside-eu"))
    }

    /// What a member typed for an activity, field by field (empty when left out).
    public struct Form: Sendable, Equatable {
        public var name = "", purpose = "", legalBasis = "", people = "", data = "", recipients = "", retention = "",
            security = ""

        public init() {}

        /// The free-text fields by field name, trimmed.
        var texts: [(field: String, text: String)] {
            [
                ("name", name), ("purpose", purpose), ("people", people), ("data", data), ("recipients", recipients),
                ("retention", retention),
                ("security", security),
            ].map { ($0.0, SubmittedFields.trimmed($0.1)) }
        }
    }

    /// The names of the free-text fields (derived from `Form`).
    public static var textFields: [String] { Form().texts.map(\.field) }

    /// Checks a submitted activity; errors are translation keys by field.
    public static func validate(id: String, form: Form, assetIDs: [String], knownAssets: Set<String>) -> Result<
        ProcessingActivity, FieldErrors
    > {
        var errors = FieldErrors()
        for (field, value) in form.texts {
            SubmittedFields.checkText(
                value, field: field, maxLength: 2000, tooLong: "activity.error.too_long", into: &errors)
        }
        for (field, value) in form.texts where ["name", "purpose"].contains(field) && value.isEmpty {
            errors[field] = "activity.error.required"
        }
        let basis = LegalBasis(rawValue: SubmittedFields.trimmed(form.legalBasis))
        if basis == nil { errors["legal_basis"] = "activity.error.legal_basis" }
        if assetIDs.contains(where: { !knownAssets.contains($0) }) { errors["assets"] = "form.choice_unknown" }
        guard errors.isEmpty, let basis else { return .failure(errors) }
        return .success(
            ProcessingActivity(
                id: id, name: SubmittedFields.trimmed(form.name), purpose: SubmittedFields.trimmed(form.purpose),
                legalBasis: basis,
                people: SubmittedFields.trimmed(form.people), data: SubmittedFields.trimmed(form.data),
                recipients: SubmittedFields.trimmed(form.recipients),
                retention: SubmittedFields.trimmed(form.retention), security: SubmittedFields.trimmed(form.security),
                assetIDs: assetIDs
            ))
    }
}

/// A starting point for a usual activity (members, donors, newsletter…), from `Content/gdpr/register-templates.yaml`.
public struct RegisterTemplate: Sendable, Equatable, Decodable {
    public let id: String
    public let name: String
    public let purpose: String
    public let legalBasis: ProcessingActivity.LegalBasis
    public let people: String
    public let data: String
    public let recipients: String
    public let retention: String
    public let security: String

    enum CodingKeys: String, CodingKey {
        case id, name, purpose, people, data, recipients, retention, security
        case legalBasis = "legal_basis"
    }

    public var fields: [String: String] {
        [
            "name": name, "purpose": purpose, "legal_basis": legalBasis.rawValue, "people": people, "data": data,
            "recipients": recipients,
            "retention": retention, "security": security,
        ]
    }

    /// Loads and checks the templates: ids unique, legal bases known (errors name the file, line and field).
    public static func loadAll(from contentDirectory: URL) throws -> [RegisterTemplate] {
        let file = contentDirectory.appendingPathComponent("gdpr/register-templates.yaml")
        let (templates, node) = try ContentFile.decodeWithNode([RegisterTemplate].self, from: file)
        var seen = Set<String>()
        for (index, template) in templates.enumerated() where !seen.insert(template.id).inserted {
            throw QuestionnaireLoader.problem(
                "register-templates.yaml", node, [.at(index), "id"], "modèle « \(template.id) » en double")
        }
        return templates
    }
}
