import Foundation

/// Checks what a member typed to create or edit an association.
/// Errors are translation keys, keyed by field name, so the page can show one message per field.
public struct AssociationForm: Sendable, Equatable {
    public var name: String
    public var rna: String
    public var siren: String
    public var siret: String
    public var postcode: String
    public var departement: String
    public var size: String
    public var staff: String
    public var budget: String
    public var sector: String

    public init(
        name: String = "", rna: String = "", siren: String = "", siret: String = "", postcode: String = "",
        departement: String = "", size: String = "", staff: String = "", budget: String = "", sector: String = ""
    ) {
        self.name = name
        self.rna = rna
        self.siren = siren
        self.siret = siret
        self.postcode = postcode
        self.departement = departement
        self.size = size
        self.staff = staff
        self.budget = budget
        self.sector = sector
    }

    public func validate(knownDepartements: Set<String>) -> Result<AssociationProfile, FieldErrors> {
        var errors = FieldErrors()
        let name = SubmittedFields.trimmed(name)
        if name.isEmpty { errors["name"] = "association.name_required" }
        if name.count > 200 { errors["name"] = "association.name_too_long" }
        let rna = SubmittedFields.optional(rna).map(OrganisationIdentifier.normalise)
        if let rna, let problem = OrganisationIdentifier.checkRNA(rna) { errors["rna"] = problem.rawValue }
        let siren = SubmittedFields.optional(siren).map(OrganisationIdentifier.normalise)
        if let siren, let problem = OrganisationIdentifier.checkSIREN(siren) { errors["siren"] = problem.rawValue }
        let siret = SubmittedFields.optional(siret).map(OrganisationIdentifier.normalise)
        if let siret, let problem = OrganisationIdentifier.checkSIRET(siret) { errors["siret"] = problem.rawValue }
        if let siren, let siret, errors["siren"] == nil, errors["siret"] == nil, !siret.hasPrefix(siren) {
            errors["siret"] = OrganisationIdentifier.Problem.siretSirenMismatch.rawValue
        }
        let postcode = SubmittedFields.optional(postcode)
        if let postcode, postcode.count != 5 || !postcode.allSatisfy(\.isASCIIDigit) {
            errors["postcode"] = "association.postcode_format"
        }
        let departement = SubmittedFields.optional(departement)
        if let departement, !knownDepartements.contains(departement) {
            errors["departement"] = "association.departement_unknown"
        }
        let size = Self.band(SizeBand.self, size, "size", &errors)
        let staff = Self.band(StaffBand.self, staff, "staff", &errors)
        let budget = Self.band(BudgetBand.self, budget, "budget", &errors)
        let sector = Self.band(Sector.self, sector, "sector", &errors)
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

    private static func band<B: RawRepresentable<String>>(
        _: B.Type, _ text: String, _ key: String, _ errors: inout FieldErrors
    ) -> B? {
        guard let raw = SubmittedFields.optional(text) else { return nil }
        guard let band = B(rawValue: raw) else {
            errors[key] = "form.choice_unknown"
            return nil
        }
        return band
    }
}
