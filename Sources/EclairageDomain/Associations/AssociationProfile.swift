/// The profile of an association, as its members describe it: enough to fit advice to it.
public struct AssociationProfile: Sendable, Equatable, Codable {
    public var name: String
    public var rna: String?
    public var siren: String?
    public var siret: String?
    public var postcode: String?
    public var departement: String?
    public var size: SizeBand?
    public var staff: StaffBand?
    public var budget: BudgetBand?
    public var sector: Sector?

    public init(
        name: String, rna: String? = nil, siren: String? = nil, siret: String? = nil, postcode: String? = nil,
        departement: String? = nil, size: SizeBand? = nil, staff: StaffBand? = nil, budget: BudgetBand? = nil,
        sector: Sector? = nil
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
}

/// Active members: the same bands as the diagnostic's question `taille` (one set everywhere).
public enum SizeBand: String, Sendable, Codable, CaseIterable {
    case under10 = "moins-de-10", from10to49 = "10-a-49", from50to199 = "50-a-199", over200 = "200-et-plus"
}

public enum StaffBand: String, Sendable, Codable, CaseIterable {
    case none = "aucun", oneOrTwo = "1-2", threeToNine = "3-9", tenOrMore = "10-et-plus"
}

public enum BudgetBand: String, Sendable, Codable, CaseIterable {
    case zero = "moins-de-1000", small = "1000-10000", medium = "10000-100000", large = "plus-de-100000"
}

public enum Sector: String, Sendable, Codable, CaseIterable {
    case sport, culture, social, environnement, education, sante, loisirs, droits, autre
}
