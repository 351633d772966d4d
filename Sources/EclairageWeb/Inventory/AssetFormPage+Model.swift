import EclairageDomain

/// The asset form: text fields described once, drawn by one loop. Its `Field` and `Option` are also
/// those the register's activity form and the breach form draw.
enum AssetFormPage {}

extension AssetFormPage {
    struct Model: Sendable {
        let form: FormState
        let action: String
        let cancelLink: String
        let deleteAction: String?
        let kinds: [Option]
        let owners: [Option]
        let locations: [Option]
        let recoveries: [Option]
        let members: [Option]
        let fields: [Field]
        let recoveryPersonal: Bool
        let refurbished: Bool

        struct Option: Sendable {
            let value: String
            let label: String
            let selected: Bool
            let inputID: String
        }

        struct Field: Sendable {
            let name: String
            let label: String
            let hint: String?
            let value: String
            let error: String?
            let type: String
        }
    }

    /// The fields in the page's order, for the summary of errors.
    static let order = [
        "kind", "name", "provider", "owner", "owner_name", "other_holders", "credentials_place", "second_factor",
        "recovery_codes_place", "recovery_asset", "expires_on", "cost", "data_location", "checked_on", "year",
    ]

    /// The values of a form pre-filled from the inventory's suggestion ("?type=domain&titulaire=person"):
    /// only known values are taken.
    static func suggested(kind: Substring?, owner: Substring?) -> [String: String] {
        var values: [String: String] = [:]
        if let kind = kind.flatMap({ Asset.Kind(rawValue: String($0)) }) { values["kind"] = kind.rawValue }
        if let owner = owner.flatMap({ Asset.Owner(rawValue: String($0)) }) { values["owner"] = owner.rawValue }
        return values
    }

    /// The values a stored asset shows in the form.
    static func values(of asset: Asset) -> [String: String] {
        [
            "kind": asset.kind.rawValue, "name": asset.name, "provider": asset.provider, "owner": asset.owner.rawValue,
            "owner_name": asset.ownerName,
            "credentials_place": asset.credentialsPlace, "second_factor": asset.secondFactor,
            "recovery_codes_place": asset.recoveryCodesPlace,
            "recovery_asset": asset.recoveryAssetID ?? "", "recovery_personal": asset.recoveryPersonal ? "1" : "",
            "expires_on": asset.expiresOn ?? "",
            "cost": asset.cost, "data_location": asset.dataLocation ?? "", "checked_on": asset.checkedOn ?? "",
            "year": asset.year.map(String.init) ?? "",
            "refurbished": asset.refurbished ? "1" : "",
        ]
    }
}

extension AssetFormPage.Model {
    /// `asset`: the one edited (nil for a new one); `holders`: the names ticked or stored.
    static func make(
        _ access: InventoryAccess, asset: Asset?, values submitted: [String: String], holders: [String],
        errors: FieldErrors, query: AssetFormPage.Query, services: AppServices, context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        let views = services.views
        let members = query.members
        // Members named as holders stay ticked; other names go back to the free-text field.
        var values = submitted
        if values["other_holders"] == nil {
            let memberNames = Set(members.map(\.displayName))
            values["other_holders"] = holders.filter { !memberNames.contains($0) }.joined(separator: ", ")
        }
        let state = FormState(
            values: values, errors: errors, order: AssetFormPage.order, views: views, context: context)
        func option(_ field: String, _ value: String, _ label: String) -> Option {
            .init(value: value, label: label, selected: values[field] == value, inputID: "\(field)--\(value)")
        }
        func field(_ name: String, type: String = "text", hint: Bool = false) -> Field {
            .init(
                name: name, label: views.text("asset.field.\(name)", context),
                hint: hint ? views.text("asset.hint.\(name)", context) : nil,
                value: state.values[name] ?? "", error: state.errors[name], type: type)
        }
        let recoveries = query.stored.map(\.asset).filter { $0.id != asset?.id }
        return Self(
            form: state, action: (asset.map { SiteURL.asset(id, asset: $0.id) } ?? .newAsset(id)).path,
            cancelLink: SiteURL.inventory(id).path,
            deleteAction: asset.map { SiteURL.assetDelete(id, asset: $0.id).path },
            kinds: Asset.Kind.allCases.map {
                option("kind", $0.rawValue, views.text("asset.kinds.\($0.rawValue)", context))
            },
            owners: Asset.Owner.allCases.map {
                option("owner", $0.rawValue, views.text("asset.owners.\($0.rawValue)", context))
            },
            locations: [option("data_location", "", views.text("asset.location_unknown", context))]
                + Tool.DataLocation.allCases.map {
                    option("data_location", $0.rawValue, views.text("data.\($0.rawValue)", context))
                },
            recoveries: [option("recovery_asset", "", views.text("asset.recovery_none", context))]
                + recoveries.map { option("recovery_asset", $0.id, $0.name) },
            members: members.map {
                .init(
                    value: $0.userId, label: $0.displayName, selected: holders.contains($0.displayName),
                    inputID: "holders--\($0.userId)")
            },
            fields: [
                field("name"), field("provider", hint: true), field("owner_name", hint: true),
                field("other_holders", hint: true),
                field("credentials_place", hint: true), field("second_factor", hint: true),
                field("recovery_codes_place", hint: true),
                field("expires_on", type: "date"), field("cost"), field("checked_on", type: "date"),
                field("year", type: "number"),
            ],
            recoveryPersonal: values["recovery_personal"] == "1", refurbished: values["refurbished"] == "1"
        )
    }
}
