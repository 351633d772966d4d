import Foundation

/// Checks what a member typed to create or edit an association.
/// Errors are translation keys, keyed by field name, so the page can show one message per field.
public struct AssociationForm: Sendable {
    public var fields: [String: String]

    public init(fields: [String: String]) { self.fields = fields }

    public func validate(knownDepartements: Set<String>) -> Result<AssociationProfile, FieldErrors> {
        var errors = FieldErrors()
        let name = value("name")
        if name.isEmpty { errors["name"] = "association.name_required" }
        if name.count > 200 { errors["name"] = "association.name_too_long" }
        let rna = optional("rna").map(OrganisationIdentifier.normalise)
        if let rna, let problem = OrganisationIdentifier.checkRNA(rna) { errors["rna"] = problem.rawValue }
        let siren = optional("siren").map(OrganisationIdentifier.normalise)
        if let siren, let problem = OrganisationIdentifier.checkSIREN(siren) { errors["siren"] = problem.rawValue }
        let siret = optional("siret").map(OrganisationIdentifier.normalise)
        if let siret, let problem = OrganisationIdentifier.checkSIRET(siret) { errors["siret"] = problem.rawValue }
        if let siren, let siret, errors["siren"] == nil, errors["siret"] == nil, !siret.hasPrefix(siren) {
            errors["siret"] = OrganisationIdentifier.Problem.siretSirenMismatch.rawValue
        }
        let postcode = optional("postcode")
        if let postcode, postcode.count != 5 || !postcode.allSatisfy(\.isASCIIDigit) {
            errors["postcode"] = "association.postcode_format"
        }
        let departement = optional("departement")
        if let departement, !knownDepartements.contains(departement) {
            errors["departement"] = "association.departement_unknown"
        }
        let size = band(SizeBand.self, "size", &errors)
        let staff = band(StaffBand.self, "staff", &errors)
        let budget = band(BudgetBand.self, "budget", &errors)
        let sector = band(Sector.self, "sector", &errors)
        guard errors.isEmpty else { return .failure(errors) }
        return .success(
            AssociationProfile(
                name: name, rna: rna, siren: siren, siret: siret, postcode: postcode,
                departement: departement ?? postcode.map(Self.departement(fromPostcode:)),
                size: size, staff: staff, budget: budget, sector: sector
            ))
    }

    /// The département a postcode usually belongs to (Corsica and overseas handled).
    public static func departement(fromPostcode postcode: String) -> String {
        if postcode.hasPrefix("97") || postcode.hasPrefix("98") { return String(postcode.prefix(3)) }
        if postcode.hasPrefix("20") { return (Int(postcode) ?? 0) < 20200 ? "2A" : "2B" }
        return String(postcode.prefix(2))
    }

    private func value(_ key: String) -> String { SubmittedFields(fields)[key] }

    private func optional(_ key: String) -> String? { SubmittedFields(fields).optional(key) }

    private func band<B: RawRepresentable<String>>(_: B.Type, _ key: String, _ errors: inout FieldErrors) -> B? {
        guard let raw = optional(key) else { return nil }
        guard let band = B(rawValue: raw) else {
            errors[key] = "form.choice_unknown"
            return nil
        }
        return band
    }
}
