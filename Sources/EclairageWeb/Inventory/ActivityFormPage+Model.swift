import EclairageDomain

/// A register activity's form: its text fields, the legal bases, and the inventory's assets the
/// activity's data lives in.
enum ActivityFormPage {}

extension ActivityFormPage {
    struct Model: Sendable {
        let form: FormState
        let action: String
        let cancelLink: String
        let deleteAction: String?
        let fields: [AssetFormPage.Model.Field]
        let bases: [AssetFormPage.Model.Option]
        let assets: [AssetFormPage.Model.Option]
        let hasAssets: Bool
    }

    /// The fields in the page's order, for the summary of errors.
    static let order = [
        "name", "purpose", "legal_basis", "people", "data", "recipients", "retention", "security", "assets",
    ]

    /// The form values of a stored activity (the same fields as a template's).
    static func values(of activity: ProcessingActivity) -> [String: String] {
        [
            "name": activity.name, "purpose": activity.purpose, "legal_basis": activity.legalBasis.rawValue,
            "people": activity.people, "data": activity.data,
            "recipients": activity.recipients, "retention": activity.retention, "security": activity.security,
        ]
    }
}

extension ActivityFormPage.Model {
    /// `activity`: the one edited (nil for a new one); `chosen`: the assets ticked; `assets`: the inventory's.
    static func make(
        _ access: InventoryAccess, activity: ProcessingActivity?, values: [String: String], chosen: [String],
        errors: FieldErrors, assets: [Asset], views: Views, context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        let form = FormState(
            values: values, errors: errors, order: ActivityFormPage.order, views: views, context: context)
        return Self(
            form: form,
            action: activity.map { SiteURL.activity(id, activity: $0.id) }?.path ?? SiteURL.newActivity(id).path,
            cancelLink: SiteURL.register(id).path,
            deleteAction: activity.map { SiteURL.activityDelete(id, activity: $0.id).path },
            fields: ["name", "purpose", "people", "data", "recipients", "retention", "security"].map { name in
                .init(
                    name: name, label: views.text("activity.field.\(name)", context), hint: nil,
                    value: form.values[name] ?? "", error: form.errors[name], type: "text")
            },
            bases: ProcessingActivity.LegalBasis.allCases.map {
                .init(
                    value: $0.rawValue, label: views.text("activity.basis.\($0.rawValue)", context),
                    selected: values["legal_basis"] == $0.rawValue, inputID: "legal_basis--\($0.rawValue)")
            },
            assets: assets.map {
                .init(value: $0.id, label: $0.name, selected: chosen.contains($0.id), inputID: "assets--\($0.id)")
            },
            hasAssets: !assets.isEmpty
        )
    }
}
