import Foundation

/// Checks what a member typed for an asset. Errors are translation keys by field. Every free-text field
/// is refused when it looks like a password (`SecretDetector`): the inventory says *where* the way in
/// is kept, never the secret itself.
public struct AssetForm: Sendable {
    public var fields: [String: String]
    /// The holders ticked among the association's members (display names).
    public var memberHolders: [String]
    /// Holders ticked who are not (or no longer) members: refused, never dropped in silence.
    public var unknownHolders: [String]

    public init(fields: [String: String], memberHolders: [String] = [], unknownHolders: [String] = []) {
        self.fields = fields
        self.memberHolders = memberHolders
        self.unknownHolders = unknownHolders
    }

    public static let textFields = ["name", "provider", "owner_name", "other_holders", "credentials_place", "second_factor", "recovery_codes_place", "cost"]

    /// `assetIDs`: the association's other assets, the only ones a recovery may go through.
    public func validate(id: String, assetIDs: Set<String>) -> Result<Asset, FieldErrors> {
        var errors = FieldErrors()
        let submitted = SubmittedFields(fields)
        submitted.checkText(Self.textFields, maxLength: 300, tooLong: "asset.error.too_long", into: &errors)
        let name = submitted["name"]
        if name.isEmpty { errors["name"] = "asset.error.name_required" }
        let kind = Asset.Kind(rawValue: submitted["kind"])
        if kind == nil { errors["kind"] = "form.choice_unknown" }
        let owner = Asset.Owner(rawValue: submitted["owner"]) ?? .association
        if owner == .person && submitted["owner_name"].isEmpty { errors["owner_name"] = "asset.error.owner_name_required" }
        if !unknownHolders.isEmpty { errors["other_holders"] = "asset.error.holder_not_member" }
        let recovery = submitted.optional("recovery_asset")
        if let recovery, recovery == id || !assetIDs.contains(recovery) { errors["recovery_asset"] = "form.choice_unknown" }
        let expires = submitted.optional("expires_on")
        if let expires, Day(iso: expires) == nil { errors["expires_on"] = "asset.error.date" }
        let checked = submitted.optional("checked_on")
        if let checked, Day(iso: checked) == nil { errors["checked_on"] = "asset.error.date" }
        let location = submitted.optional("data_location")
        if let location, !["eu", "adequate-country", "outside-eu", "self", "varies"].contains(location) { errors["data_location"] = "form.choice_unknown" }
        let year = submitted.optional("year")
        if let year, Int(year).map({ (1980...2100).contains($0) }) != true { errors["year"] = "asset.error.year" }
        guard errors.isEmpty, let kind else { return .failure(errors) }
        let others = submitted["other_holders"].split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var holders: [String] = []
        for holder in memberHolders + others where !holders.contains(holder) { holders.append(holder) }
        return .success(Asset(
            id: id, kind: kind, name: name, provider: submitted["provider"], owner: owner, ownerName: owner == .person ? submitted["owner_name"] : "",
            holders: holders, credentialsPlace: submitted["credentials_place"], secondFactor: submitted["second_factor"],
            recoveryCodesPlace: submitted["recovery_codes_place"], recoveryAssetID: recovery, recoveryPersonal: submitted["recovery_personal"] == "1",
            expiresOn: expires, cost: submitted["cost"], dataLocation: location, checkedOn: checked, year: year.flatMap(Int.init),
            refurbished: submitted["refurbished"] == "1"
        ))
    }

    /// A lapse date already past is saved, with a warning (the asset may need renewing now).
    public static func pastExpiry(_ asset: Asset, today: Day) -> Bool {
        asset.expiresOn.flatMap(Day.init(iso:)).map { $0 < today } ?? false
    }
}
