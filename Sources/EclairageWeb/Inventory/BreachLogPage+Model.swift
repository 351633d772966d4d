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
        /// How it was found (after the two moments).
        let firstFields: [AssetFormPage.Model.Field]
        let kinds: [Choice]
        /// Cause, what happened, people, records, consequences, measures, contact.
        let fields: [AssetFormPage.Model.Field]
        let risks: [Choice]
        /// The reasons for not notifying, and for a notification past 72 hours.
        let reasonFields: [AssetFormPage.Model.Field]
        let told: [Choice]
        let started: String
        let discovered: String
        /// Editing one breach: its page to go back to.
        let editing: String?

        struct Choice: Sendable {
            let value: String
            let label: String
            let help: String
            let selected: Bool
            let inputID: String
        }
    }

    /// The free-text fields of a breach, in the form's order (the breach's page lists them too).
    static let textFields = ["cause", "nature", "people", "records", "consequences", "measures", "contact"]

    /// Every field in the page's order, for the summary of errors.
    static let order =
        ["started", "discovered", "found_how", "kind"] + textFields
        + ["risk", "no_notify_reasons", "delay_reasons", "people_told"]

    /// The form values of a recorded breach.
    static func values(of row: BreachQueries.BreachRow) -> [String: String] {
        func moment(_ seconds: Int64) -> String {
            DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        return [
            "started": row.startedAt.map(moment) ?? "", "discovered": moment(row.discoveredAt),
            "found_how": row.foundHow, "kind": row.kind, "cause": row.cause, "nature": row.nature,
            "people": row.people, "records": row.records, "consequences": row.consequences,
            "measures": row.measures, "contact": row.contact, "risk": row.risk, "people_told": row.peopleTold,
            "delay_reasons": row.delayReasons, "no_notify_reasons": row.noNotifyReasons,
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
        let form = FormState(
            values: values, errors: errors, order: BreachLogPage.order, views: views, context: context)
        func field(_ name: String) -> AssetFormPage.Model.Field {
            .init(
                name: name, label: views.text("breach.field.\(name)", context),
                hint: views.text("breach.hint.\(name)", context),
                value: form.values[name] ?? "", error: form.errors[name], type: "text")
        }
        func choices(_ name: String, _ values: [String], help: Bool) -> [Choice] {
            values.map {
                .init(
                    value: $0, label: views.text("breach.\(name).\($0)", context),
                    help: help ? views.text("breach.\(name)_help.\($0)", context) : "",
                    selected: form.values[name] == $0, inputID: "\(name)--\($0)")
            }
        }
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
            firstFields: [field("found_how")],
            kinds: choices("kind", Breach.Kind.allCases.map(\.rawValue), help: false),
            fields: BreachLogPage.textFields.map(field),
            risks: choices("risk", Breach.Risk.allCases.map(\.rawValue), help: true),
            reasonFields: ["no_notify_reasons", "delay_reasons"].map(field),
            told: choices("people_told", ["yes", "no"], help: false),
            started: values["started"] ?? "", discovered: values["discovered"] ?? "",
            editing: editing.map { SiteURL.breach(id, breach: $0).path }
        )
    }
}
