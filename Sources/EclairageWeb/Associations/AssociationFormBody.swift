import EclairageDomain

/// The association form as sent, decoded by Hummingbird's form decoder (a field left out reads as empty).
struct AssociationFormBody: Decodable, Sendable {
    @FormText var name: String
    @FormText var rna: String
    @FormText var siren: String
    @FormText var siret: String
    @FormText var postcode: String
    @FormText var departement: String
    @FormText var size: String
    @FormText var staff: String
    @FormText var budget: String
    @FormText var sector: String

    var form: AssociationForm {
        AssociationForm(
            name: name, rna: rna, siren: siren, siret: siret, postcode: postcode, departement: departement, size: size,
            staff: staff, budget: budget, sector: sector)
    }
}
