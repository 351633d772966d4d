import EclairageDomain

/// The asset form's body. A field left out stays `nil`, so the page shown back is the one sent; the
/// ticked holders (`holders`, one per box, repeated without `[]`) are read beside it.
struct AssetFormBody: Decodable {
    var kind: String?
    var name: String?
    var provider: String?
    var owner: String?
    var ownerName: String?
    var otherHolders: String?
    var credentialsPlace: String?
    var secondFactor: String?
    var recoveryCodesPlace: String?
    var recoveryAsset: String?
    var recoveryPersonal: String?
    var expiresOn: String?
    var cost: String?
    var dataLocation: String?
    var checkedOn: String?
    var year: String?
    var refurbished: String?

    enum CodingKeys: String, CodingKey {
        case kind, name, provider, owner, cost, year, refurbished
        case ownerName = "owner_name", otherHolders = "other_holders", credentialsPlace = "credentials_place"
        case secondFactor = "second_factor", recoveryCodesPlace = "recovery_codes_place", recoveryAsset =
            "recovery_asset"
        case recoveryPersonal = "recovery_personal", expiresOn = "expires_on", dataLocation = "data_location",
            checkedOn = "checked_on"
    }

    /// The typed form the domain checks.
    var form: AssetForm {
        var form = AssetForm()
        form.kind = kind ?? ""
        form.name = name ?? ""
        form.provider = provider ?? ""
        form.owner = owner ?? ""
        form.ownerName = ownerName ?? ""
        form.otherHolders = otherHolders ?? ""
        form.credentialsPlace = credentialsPlace ?? ""
        form.secondFactor = secondFactor ?? ""
        form.recoveryCodesPlace = recoveryCodesPlace ?? ""
        form.recoveryAsset = recoveryAsset ?? ""
        form.recoveryPersonal = recoveryPersonal ?? ""
        form.expiresOn = expiresOn ?? ""
        form.cost = cost ?? ""
        form.dataLocation = dataLocation ?? ""
        form.checkedOn = checkedOn ?? ""
        form.year = year ?? ""
        form.refurbished = refurbished ?? ""
        return form
    }

    /// The values sent, by field name, to show back: only the fields the body had.
    var values: [String: String] {
        let sent: [CodingKeys: String?] = [
            .kind: kind, .name: name, .provider: provider, .owner: owner, .ownerName: ownerName,
            .otherHolders: otherHolders,
            .credentialsPlace: credentialsPlace, .secondFactor: secondFactor, .recoveryCodesPlace: recoveryCodesPlace,
            .recoveryAsset: recoveryAsset, .recoveryPersonal: recoveryPersonal, .expiresOn: expiresOn, .cost: cost,
            .dataLocation: dataLocation, .checkedOn: checkedOn, .year: year, .refurbished: refurbished,
        ]
        return Dictionary(uniqueKeysWithValues: sent.compactMap { key, value in value.map { (key.rawValue, $0) } })
    }
}
