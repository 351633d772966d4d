import EclairageDomain
import Foundation

/// The breach log (GDPR art. 33.5) and the form to record a breach, or to complete one (`editing`).
enum BreachLogPage {}

extension BreachLogPage {
    struct Model: Sendable {
        let associationName: String
        let inventoryLink: String
        let canEdit: Bool
        let breaches: [LinkView]
        let form: FormState
        let action: String
        let fields: [AssetFormPage.Model.Field]
        let risks: [Risk]
        let discovered: String
        /// Editing one breach: its page to go back to.
        let editing: String?

        struct Risk: Sendable {
            let value: String
            let label: String
            let help: String
            let selected: Bool
            let inputID: String
        }
    }

    /// The free-text fields of a breach, in the form's order (the breach's page lists them too).
    static let textFields = ["nature", "people", "records", "consequences", "measures", "contact"]

    /// The form values of a recorded breach.
    static func values(of row: BreachQueries.BreachRow) -> [String: String] {
        [
            "discovered": DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(row.discoveredAt))),
            "nature": row.nature, "people": row.people,
            "records": row.records, "consequences": row.consequences, "measures": row.measures, "contact": row.contact,
            "risk": row.risk,
        ]
    }
}

extension BreachLogPage.Model {
    /// `rows`: the log; `editing`: the breach whose form this is, if any.
    static func make(
        _ access: InventoryAccess, rows: [BreachQueries.BreachRow], values: [String: String], errors: FieldErrors,
        editing: String?, views: Views, context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        let textFields = BreachLogPage.textFields
        let form = FormState(
            values: values, errors: errors, order: ["discovered"] + textFields + ["risk"], views: views,
            context: context)
        return Self(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.inventory(id).path,
            canEdit: access.canEdit,
            breaches: rows.map { row in
                LinkView(
                    title: views.text(
                        "breach.item", context,
                        [
                            "date": DateFormatting.dayAndTime(row.discoveredAt, language: context.language),
                            "nature": row.nature,
                            "risk": views.text("breach.risk.\(row.risk)", context),
                        ]), link: SiteURL.breach(id, breach: row.id).path)
            },
            form: form, action: editing.map { SiteURL.breachEdit(id, breach: $0).path } ?? SiteURL.breaches(id).path,
            fields: textFields.map { name in
                .init(
                    name: name, label: views.text("breach.field.\(name)", context),
                    hint: views.text("breach.hint.\(name)", context),
                    value: form.values[name] ?? "", error: form.errors[name], type: "text")
            },
            risks: Breach.Risk.allCases.map {
                .init(
                    value: $0.rawValue, label: views.text("breach.risk.\($0.rawValue)", context),
                    help: views.text("breach.risk_help.\($0.rawValue)", context),
                    selected: values["risk"] == $0.rawValue, inputID: "risk--\($0.rawValue)")
            },
            discovered: values["discovered"] ?? "", editing: editing.map { SiteURL.breach(id, breach: $0).path }
        )
    }
}
