import Foundation

/// A processing activity of the GDPR register (art. 30): what is done with whose data, on what legal
/// basis, for how long, with what safeguards — and the inventory assets it runs on, from which where
/// the data lives (and any transfer outside the EU) is derived rather than typed again.
public struct ProcessingActivity: Sendable, Equatable, Codable {
    public enum LegalBasis: String, Sendable, Codable, CaseIterable {
        case consent, contract, legalObligation = "legal-obligation", vitalInterests = "vital-interests"
        case publicInterest = "public-interest", legitimateInterests = "legitimate-interests"
    }

    /// What makes a transfer outside the EU lawful (art. 44–46): an adequacy decision (Switzerland, the
    /// United Kingdom…), the EU–US Data Privacy Framework for a certified US provider, or standard
    /// contractual clauses otherwise.
    public enum TransferBasis: String, Sendable, Codable, CaseIterable {
        case adequacy, dpf, scc
    }

    public var id: String
    public var name: String
    /// Another body that decides with the association what is done with the data (art. 26), if any.
    public var jointController: String
    public var purpose: String
    public var legalBasis: LegalBasis
    public var people: String
    public var data: String
    /// Whether the data include special categories (art. 9: health, religion, political or union
    /// opinions, sexual life…). Bank details are not among them.
    public var sensitive: Bool
    public var recipients: String
    /// Transfers outside the EU not seen through the inventory (a partner abroad…): recipient and country.
    public var transfers: String
    public var transferBasis: TransferBasis?
    public var retention: String
    public var security: String
    public var assetIDs: [String]

    public init(
        id: String, name: String, jointController: String = "", purpose: String, legalBasis: LegalBasis,
        people: String, data: String, sensitive: Bool = false,
        recipients: String, transfers: String = "", transferBasis: TransferBasis? = nil,
        retention: String, security: String, assetIDs: [String] = []
    ) {
        self.id = id
        self.name = name
        self.jointController = jointController
        self.purpose = purpose
        self.sensitive = sensitive
        self.transfers = transfers
        self.transferBasis = transferBasis
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

    /// The transfers outside the EU seen through the inventory, each with its basis: a host in a country
    /// with an adequacy decision (Switzerland…) is still a transfer, on that decision; elsewhere, the basis
    /// the association recorded (nil while it is to document).
    public func transfersFromAssets(in assets: [Asset]) -> [(asset: Asset, basis: TransferBasis?)] {
        assets.filter { assetIDs.contains($0.id) }.compactMap { asset in
            switch asset.dataLocation {
            case "adequate-country": (asset, .adequacy)
            case "outside-eu": (asset, transferBasis == .adequacy ? nil : transferBasis)
            default: nil
            }
        }
    }

    /// What a member typed for an activity, field by field (empty when left out).
    public struct Form: Sendable, Equatable {
        public var name = "", jointController = "", purpose = "", legalBasis = "", people = "", data = "",
            sensitive = "", recipients = "", transfers = "", transferBasis = "", retention = "", security = ""

        public init() {}

        /// The free-text fields by field name, trimmed, in the order of the CNIL's register template.
        var texts: [(field: String, text: String)] {
            [
                ("name", name), ("joint_controller", jointController), ("purpose", purpose), ("people", people),
                ("data", data), ("recipients", recipients), ("transfers", transfers), ("retention", retention),
                ("security", security),
            ].map { ($0.0, SubmittedFields.trimmed($0.1)) }
        }
    }

    /// The names of the free-text fields (derived from `Form`).
    public static var textFields: [String] { Form().texts.map(\.field) }

    /// Checks a submitted activity; errors are translation keys by field. `knownAssets`: the inventory's
    /// asset ids, each with where its data lives ("" when not said).
    public static func validate(id: String, form: Form, assetIDs: [String], knownAssets: [String: String]) -> Result<
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
        if assetIDs.contains(where: { !knownAssets.keys.contains($0) }) { errors["assets"] = "form.choice_unknown" }
        let sensitive = ["", "0", "1"].contains(SubmittedFields.trimmed(form.sensitive))
        if !sensitive { errors["sensitive"] = "form.choice_unknown" }
        let transferText = SubmittedFields.trimmed(form.transfers)
        let basisText = SubmittedFields.optional(form.transferBasis)
        let transferBasis = basisText.flatMap { TransferBasis(rawValue: $0) }
        // A transfer outside the EU needs its basis: one typed here, or an inventory tool hosted outside the
        // EU without an adequacy decision (a Swiss host needs none to be chosen: its basis is the decision).
        let outside = assetIDs.contains { knownAssets[$0] == "outside-eu" }
        if (outside || !transferText.isEmpty) && transferBasis == nil {
            errors["transfer_basis"] =
                outside ? "activity.error.transfer_basis_assets" : "activity.error.transfer_basis"
        }
        if outside, transferBasis == .adequacy {
            errors["transfer_basis"] = "activity.error.transfer_basis_adequacy"
        }
        if basisText != nil, transferBasis == nil { errors["transfer_basis"] = "form.choice_unknown" }
        guard errors.isEmpty, let basis else { return .failure(errors) }
        return .success(
            ProcessingActivity(
                id: id, name: SubmittedFields.trimmed(form.name),
                jointController: SubmittedFields.trimmed(form.jointController),
                purpose: SubmittedFields.trimmed(form.purpose), legalBasis: basis,
                people: SubmittedFields.trimmed(form.people), data: SubmittedFields.trimmed(form.data),
                sensitive: SubmittedFields.trimmed(form.sensitive) == "1",
                recipients: SubmittedFields.trimmed(form.recipients), transfers: transferText,
                transferBasis: transferBasis,
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
    /// Stated for every template: whether its data are special categories (art. 9).
    public let sensitive: Bool
    public let recipients: String
    public let retention: String
    public let security: String

    enum CodingKeys: String, CodingKey {
        case id, name, purpose, people, data, sensitive, recipients, retention, security
        case legalBasis = "legal_basis"
    }

    public var fields: [String: String] {
        [
            "name": name, "purpose": purpose, "legal_basis": legalBasis.rawValue, "people": people, "data": data,
            "sensitive": sensitive ? "1" : "0", "recipients": recipients,
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
