import EclairageDomain

/// A register activity's form, in the order of the CNIL's register template: who decides, why and on
/// what basis, whose data and which (special categories apart), who receives them, the inventory's
/// tools and the transfers outside the EU, how long, and with what safeguards.
enum ActivityFormPage {}

extension ActivityFormPage {
    struct Model: Sendable {
        let form: FormState
        let action: String
        let cancelLink: String
        let deleteAction: String?
        /// Name, joint controller, purposes (before the legal basis).
        let fields: [AssetFormPage.Model.Field]
        let bases: [AssetFormPage.Model.Option]
        /// People and data (before the special categories' question).
        let dataFields: [AssetFormPage.Model.Field]
        let sensitive: [AssetFormPage.Model.Option]
        let recipients: AssetFormPage.Model.Field
        let assets: [AssetFormPage.Model.Option]
        let hasAssets: Bool
        let transfers: AssetFormPage.Model.Field
        let transferBases: [AssetFormPage.Model.Option]
        /// Retention and security.
        let lastFields: [AssetFormPage.Model.Field]
    }

    /// The fields in the page's order, for the summary of errors.
    static let order = [
        "name", "joint_controller", "purpose", "legal_basis", "people", "data", "sensitive", "recipients", "assets",
        "transfers", "transfer_basis", "retention", "security",
    ]

    /// The text fields that carry a hint under their label.
    static let hinted: Set<String> = ["joint_controller", "recipients", "transfers"]

    /// The form values of a stored activity (the same fields as a template's).
    static func values(of activity: ProcessingActivity) -> [String: String] {
        [
            "name": activity.name, "joint_controller": activity.jointController, "purpose": activity.purpose,
            "legal_basis": activity.legalBasis.rawValue, "people": activity.people, "data": activity.data,
            "sensitive": activity.sensitive ? "1" : "0", "recipients": activity.recipients,
            "transfers": activity.transfers, "transfer_basis": activity.transferBasis?.rawValue ?? "",
            "retention": activity.retention, "security": activity.security,
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
        func field(_ name: String) -> AssetFormPage.Model.Field {
            .init(
                name: name, label: views.text("activity.field.\(name)", context),
                hint: ActivityFormPage.hinted.contains(name) ? views.text("activity.hint.\(name)", context) : nil,
                value: form.values[name] ?? "", error: form.errors[name], type: "text")
        }
        func options(_ name: String, _ choices: [String]) -> [AssetFormPage.Model.Option] {
            choices.map {
                .init(
                    value: $0, label: views.text("activity.\(name).\($0)", context),
                    selected: (values[name] ?? (name == "sensitive" ? "0" : "")) == $0, inputID: "\(name)--\($0)")
            }
        }
        return Self(
            form: form,
            action: activity.map { SiteURL.activity(id, activity: $0.id) }?.path ?? SiteURL.newActivity(id).path,
            cancelLink: SiteURL.register(id).path,
            deleteAction: activity.map { SiteURL.activityDelete(id, activity: $0.id).path },
            fields: ["name", "joint_controller", "purpose"].map(field),
            bases: ProcessingActivity.LegalBasis.allCases.map {
                .init(
                    value: $0.rawValue, label: views.text("activity.basis.\($0.rawValue)", context),
                    selected: values["legal_basis"] == $0.rawValue, inputID: "legal_basis--\($0.rawValue)")
            },
            dataFields: ["people", "data"].map(field),
            sensitive: options("sensitive", ["0", "1"]),
            recipients: field("recipients"),
            assets: assets.map {
                .init(value: $0.id, label: $0.name, selected: chosen.contains($0.id), inputID: "assets--\($0.id)")
            },
            hasAssets: !assets.isEmpty,
            transfers: field("transfers"),
            transferBases: options("transfer_basis", ProcessingActivity.TransferBasis.allCases.map(\.rawValue)),
            lastFields: ["retention", "security"].map(field)
        )
    }
}
