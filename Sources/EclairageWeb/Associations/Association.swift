import EclairageDomain

/// Rows of the `associations` table.
struct Association: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var rna: String?
    var siren: String?
    var siret: String?
    var postcode: String?
    var departement: String?
    var size: String?
    var staff: String?
    var budget: String?
    var sector: String?
    var createdAt: Int64
    var updatedAt: Int64

    init(id: String, profile: AssociationProfile, now: Int64) {
        self.id = id
        self.name = profile.name
        self.createdAt = now
        self.updatedAt = now
        apply(profile, now: now)
    }

    mutating func apply(_ profile: AssociationProfile, now: Int64) {
        name = profile.name
        rna = profile.rna
        siren = profile.siren
        siret = profile.siret
        postcode = profile.postcode
        departement = profile.departement
        size = profile.size?.rawValue
        staff = profile.staff?.rawValue
        budget = profile.budget?.rawValue
        sector = profile.sector?.rawValue
        updatedAt = now
    }

    /// The profile as the domain reads it; values no longer known are left out.
    var profile: AssociationProfile {
        AssociationProfile(
            name: name, rna: rna, siren: siren, siret: siret, postcode: postcode, departement: departement,
            size: size.flatMap(SizeBand.init(rawValue:)), staff: staff.flatMap(StaffBand.init(rawValue:)),
            budget: budget.flatMap(BudgetBand.init(rawValue:)), sector: sector.flatMap(Sector.init(rawValue:))
        )
    }

    /// The fields as a form shows them.
    var formValues: [String: String] {
        [
            "name": name, "rna": rna ?? "", "siren": siren ?? "", "siret": siret ?? "", "postcode": postcode ?? "",
            "departement": departement ?? "", "size": size ?? "", "staff": staff ?? "", "budget": budget ?? "",
            "sector": sector ?? "",
        ]
    }
}

/// A member's role in an association.
enum AssociationRole: String, Codable, Sendable {
    case owner, member
}

/// How the signed-in person may see an association: as one of its members, or as an advisor it granted access to.
enum AssociationAccess: Sendable, Equatable {
    case member(AssociationRole)
    case advisor

    var isOwner: Bool { self == .member(.owner) }
    var isMember: Bool { if case .member = self { true } else { false } }
}
