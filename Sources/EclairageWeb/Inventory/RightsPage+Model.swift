import EclairageDomain

/// The log of rights requests (access, rectification, erasure, objection, portability, limitation),
/// each with its one-month clock, and the form to record one or to complete it (`editing`).
enum RightsPage {}

extension RightsPage {
    struct Model: Sendable {
        let associationName: String
        let registerLink: String
        let canEdit: Bool
        let requests: [Item]
        let form: FormState
        let action: String
        let kinds: [BreachLogPage.Model.Choice]
        let receivedOn: String
        let answeredOn: String
        let identityChecked: Bool
        let requester: AssetFormPage.Model.Field
        let details: AssetFormPage.Model.Field
        let extensionReasons: AssetFormPage.Model.Field
        let outcome: AssetFormPage.Model.Field
        /// Editing one request: the log to go back to.
        let editing: String?

        struct Item: Sendable {
            let title: String
            let link: String
            let clock: String
            let state: String
        }
    }

    static let order = [
        "kind", "received_on", "requester", "details", "identity_checked", "extension_reasons", "answered_on",
        "outcome",
    ]

    /// The form values of a recorded request.
    static func values(of row: RightsRequestQueries.Row) -> [String: String] {
        [
            "kind": row.kind, "received_on": row.receivedOn, "requester": row.requester, "details": row.details,
            "identity_checked": row.identityChecked != 0 ? "1" : "", "extension_reasons": row.extensionReasons,
            "answered_on": row.answeredOn ?? "", "outcome": row.outcome,
        ]
    }

    /// A request's clock in words, and its class: answered, late, or days left.
    static func clock(_ request: RightsRequest, today: Day, views: Views, context: AppRequestContext)
        -> (text: String, state: String)
    {
        let language = context.language
        if let answered = request.answeredOn {
            return (
                views.text(
                    "rights.clock_answered", context,
                    ["date": DateFormatting.day(of: answered, language: language), "outcome": request.outcome]),
                "notice"
            )
        }
        let due = DateFormatting.day(of: request.dueOn, language: language)
        let days = request.dueOn - today
        if days < 0 {
            return (views.text("rights.clock_late", context, ["date": due]), "status-late")
        }
        let left = views.translations.plural("duration.days", count: days, language)
        return (
            views.text(
                request.extended ? "rights.clock_extended" : "rights.clock_left", context,
                ["date": due, "days": left]),
            "status-urgent"
        )
    }
}

extension RightsPage.Model {
    static func make(
        _ access: InventoryAccess, rows: [RightsRequestQueries.Row], values: [String: String], errors: FieldErrors,
        editing: String?, today: Day, views: Views, context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        let form = FormState(values: values, errors: errors, order: RightsPage.order, views: views, context: context)
        func field(_ name: String) -> AssetFormPage.Model.Field {
            .init(
                name: name, label: views.text("rights.field.\(name)", context),
                hint: views.text("rights.hint.\(name)", context), value: form.values[name] ?? "",
                error: form.errors[name], type: "text")
        }
        return Self(
            associationName: access.loaded.association.name, registerLink: SiteURL.register(id).path,
            canEdit: access.canEdit,
            requests: rows.map { row in
                let request = row.request
                let (clock, state) = RightsPage.clock(request, today: today, views: views, context: context)
                return Item(
                    title: views.text(
                        "rights.item", context,
                        [
                            "date": DateFormatting.day(of: request.receivedOn, language: context.language),
                            "kind": views.text("rights.kind.\(row.kind)", context), "requester": row.requester,
                        ]),
                    link: SiteURL.rightsRequest(id, request: row.id).path, clock: clock, state: state)
            },
            form: form,
            action: editing.map { SiteURL.rightsRequest(id, request: $0).path } ?? SiteURL.rightsRequests(id).path,
            kinds: RightsRequest.Kind.allCases.map {
                .init(
                    value: $0.rawValue, label: views.text("rights.kind.\($0.rawValue)", context),
                    help: views.text("rights.kind_help.\($0.rawValue)", context),
                    selected: values["kind"] == $0.rawValue, inputID: "kind--\($0.rawValue)")
            },
            receivedOn: values["received_on"] ?? today.iso, answeredOn: values["answered_on"] ?? "",
            identityChecked: values["identity_checked"] == "1",
            requester: field("requester"), details: field("details"), extensionReasons: field("extension_reasons"),
            outcome: field("outcome"),
            editing: editing.map { _ in SiteURL.rightsRequests(id).path }
        )
    }
}
