import Foundation

/// What a member typed for an asset, field by field, and its checks. Errors are translation keys by
/// field (the form's field names). Every free-text field is refused when it looks like a password
/// (`SecretDetector`): the inventory says *where* the way in is kept, never the secret itself.
public struct AssetForm: Sendable, Equatable {
    public var kind = ""
    public var name = ""
    public var provider = ""
    public var owner = ""
    public var ownerName = ""
    public var otherHolders = ""
    public var credentialsPlace = ""
    public var secondFactor = ""
    public var recoveryCodesPlace = ""
    public var recoveryAsset = ""
    public var recoveryPersonal = ""
    public var expiresOn = ""
    public var cost = ""
    public var dataLocation = ""
    public var checkedOn = ""
    public var year = ""
    public var refurbished = ""
    /// The holders ticked among the association's members (display names).
    public var memberHolders: [String] = []
    /// Holders ticked who are not (or no longer) members: refused, never dropped in silence.
    public var unknownHolders: [String] = []

    public init() {}

    /// The values by field name, as the form shows them back.
    public var values: [String: String] {
        [
            "kind": kind, "name": name, "provider": provider, "owner": owner, "owner_name": ownerName,
            "other_holders": otherHolders,
            "credentials_place": credentialsPlace, "second_factor": secondFactor,
            "recovery_codes_place": recoveryCodesPlace,
            "recovery_asset": recoveryAsset, "recovery_personal": recoveryPersonal, "expires_on": expiresOn,
            "cost": cost,
            "data_location": dataLocation, "checked_on": checkedOn, "year": year, "refurbished": refurbished,
        ]
    }

    /// The free-text fields, by field name.
    var texts: [(field: String, text: String)] {
        [
            ("name", name), ("provider", provider), ("owner_name", ownerName), ("other_holders", otherHolders),
            ("credentials_place", credentialsPlace),
            ("second_factor", secondFactor), ("recovery_codes_place", recoveryCodesPlace), ("cost", cost),
        ].map { ($0.0, SubmittedFields.trimmed($0.1)) }
    }

    /// The names of the free-text fields (derived from `texts`).
    public static var textFields: [String] { AssetForm().texts.map(\.field) }

    /// `assetIDs`: the association's other assets, the only ones a recovery may go through.
    public func validate(id: String, assetIDs: Set<String>) -> Result<Asset, FieldErrors> {
        var errors = FieldErrors()
        for (field, text) in texts {
            SubmittedFields.checkText(
                text, field: field, maxLength: 300, tooLong: "asset.error.too_long", into: &errors)
        }
        let name = SubmittedFields.trimmed(name)
        if name.isEmpty { errors["name"] = "asset.error.name_required" }
        let kind = Asset.Kind(rawValue: SubmittedFields.trimmed(kind))
        if kind == nil { errors["kind"] = "form.choice_unknown" }
        let owner = Asset.Owner(rawValue: SubmittedFields.trimmed(owner)) ?? .association
        if owner == .person && SubmittedFields.trimmed(ownerName).isEmpty {
            errors["owner_name"] = "asset.error.owner_name_required"
        }
        if !unknownHolders.isEmpty { errors["other_holders"] = "asset.error.holder_not_member" }
        let recovery = SubmittedFields.optional(recoveryAsset)
        if let recovery, recovery == id || !assetIDs.contains(recovery) {
            errors["recovery_asset"] = "form.choice_unknown"
        }
        let expires = SubmittedFields.optional(expiresOn)
        if let expires, Day(iso: expires) == nil { errors["expires_on"] = "asset.error.date" }
        let checked = SubmittedFields.optional(checkedOn)
        if let checked, Day(iso: checked) == nil { errors["checked_on"] = "asset.error.date" }
        let location = SubmittedFields.optional(dataLocation)
        if let location, !["eu", "adequate-country", "outside-eu", "self", "varies"].contains(location) {
            errors["data_location"] = "form.choice_unknown"
        }
        let year = SubmittedFields.optional(year)
        if let year, Int(year).map({ (1980...2100).contains($0) }) != true { errors["year"] = "asset.error.year" }
        guard errors.isEmpty, let kind else { return .failure(errors) }
        let others = SubmittedFields.trimmed(otherHolders).split(whereSeparator: {
            $0 == "," || $0 == "\n" || $0 == ";"
        })
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var holders: [String] = []
        for holder in memberHolders + others where !holders.contains(holder) { holders.append(holder) }
        return .success(
            Asset(
                id: id, kind: kind, name: name, provider: SubmittedFields.trimmed(provider), owner: owner,
                ownerName: owner == .person ? SubmittedFields.trimmed(ownerName) : "",
                holders: holders, credentialsPlace: SubmittedFields.trimmed(credentialsPlace),
                secondFactor: SubmittedFields.trimmed(secondFactor),
                recoveryCodesPlace: SubmittedFields.trimmed(recoveryCodesPlace), recoveryAssetID: recovery,
                recoveryPersonal: SubmittedFields.trimmed(recoveryPersonal) == "1",
                expiresOn: expires, cost: SubmittedFields.trimmed(cost), dataLocation: location, checkedOn: checked,
                year: year.flatMap(Int.init),
                refurbished: SubmittedFields.trimmed(refurbished) == "1"
            ))
    }

    /// A lapse date already past is saved, with a warning (the asset may need renewing now).
    public static func pastExpiry(_ asset: Asset, today: Day) -> Bool {
        asset.expiresOn.flatMap(Day.init(iso:)).map { $0 < today } ?? false
    }
}
