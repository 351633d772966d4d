import EclairageDomain

/// Between an asset and its form: the values a stored asset shows, and the page model.
enum AssetFormValues {
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

    static func content(
        values submitted: [String: String], errors: FieldErrors, action: SiteURL, cancel: SiteURL, delete: SiteURL?,
        members: [AssociationQueries.MemberRow], holders: [String], recoveries: [Asset], services: AppServices,
        context: AppRequestContext
    ) -> AssetFormContent {
        let views = services.views
        // Members named as holders stay ticked; other names go back to the free-text field.
        var values = submitted
        if values["other_holders"] == nil {
            let memberNames = Set(members.map(\.displayName))
            values["other_holders"] = holders.filter { !memberNames.contains($0) }.joined(separator: ", ")
        }
        let state = FormState(
            values: values, errors: errors, order: AssetFormContent.order, views: views, context: context)
        func option(_ field: String, _ value: String, _ label: String) -> AssetFormContent.Option {
            .init(value: value, label: label, selected: values[field] == value, inputID: "\(field)--\(value)")
        }
        func field(_ name: String, type: String = "text", hint: Bool = false) -> AssetFormContent.Field {
            .init(
                name: name, label: views.text("asset.field.\(name)", context),
                hint: hint ? views.text("asset.hint.\(name)", context) : nil,
                value: state.values[name] ?? "", error: state.errors[name], type: type)
        }
        return AssetFormContent(
            form: state, action: action.path, cancelLink: cancel.path, deleteAction: delete?.path,
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
