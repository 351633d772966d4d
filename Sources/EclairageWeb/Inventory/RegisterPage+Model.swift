import EclairageDomain

/// The GDPR register (art. 30), on screen and printable: each activity's rows, where its data lives
/// derived from the inventory's assets (its reads: `RegisterPage+Query.swift`).
enum RegisterPage {}

extension RegisterPage {
    struct Model: Sendable {
        let associationName: String
        let inventoryLink: String
        let canEdit: Bool
        let activities: [Activity]
        let templates: [LinkView]
        let newLink: String
        let csvLink: String
        let csvSemicolonLink: String
        let printLink: String

        struct Activity: Sendable {
            let name: String
            let editLink: String
            let rows: [Row]
        }

        struct Row: Sendable {
            let label: String
            let value: String
        }
    }

    /// The register's columns, in the order of art. 30.1.
    static let columns = [
        "purpose", "legal_basis", "people", "data", "recipients", "location", "retention", "security",
    ]

    /// The register's rows for one activity, in the order of art. 30.1.
    static func rows(_ activity: ProcessingActivity, assets: [Asset], views: Views, context: AppRequestContext)
        -> [Model.Row]
    {
        let (locations, transfer) = activity.locations(in: assets)
        let names = assets.filter { activity.assetIDs.contains($0.id) }.map(\.name)
        let location =
            names.isEmpty
            ? views.text("activity.location_none", context)
            : views.text(
                "activity.location_from_assets", context,
                [
                    "assets": names.joined(separator: ", "),
                    "locations": locations.map {
                        $0 == "unknown"
                            ? views.text("asset.location_unknown", context) : views.text("data.\($0)", context)
                    }.joined(separator: ", "),
                ]) + (transfer ? " " + views.text("activity.transfer_outside_eu", context) : "")
        let values = [
            "purpose": activity.purpose,
            "legal_basis": views.text("activity.basis.\(activity.legalBasis.rawValue)", context),
            "people": activity.people,
            "data": activity.data, "recipients": activity.recipients, "location": location,
            "retention": activity.retention, "security": activity.security,
        ]
        return columns.map { .init(label: views.text("activity.field.\($0)", context), value: values[$0] ?? "") }
    }

    /// The register as CSV: the activity's name, then its rows.
    static func csv(_ query: Query, separator: Character, views: Views, context: AppRequestContext) -> String {
        var text = CSVWriter.line(
            [views.text("activity.field.name", context)] + columns.map { views.text("activity.field.\($0)", context) },
            separator: separator)
        for activity in query.activities {
            text += CSVWriter.line(
                [activity.name] + rows(activity, assets: query.assets, views: views, context: context).map(\.value),
                separator: separator)
        }
        return text
    }
}

extension RegisterPage.Model {
    /// The register on screen, with its links and the templates to start an activity from.
    static func make(
        _ access: InventoryAccess, query: RegisterPage.Query, services: AppServices, context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        let views = services.views
        return Self(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.inventory(id).path,
            canEdit: access.canEdit,
            activities: query.activities.map {
                .init(
                    name: $0.name, editLink: SiteURL.activity(id, activity: $0.id).path,
                    rows: RegisterPage.rows($0, assets: query.assets, views: views, context: context))
            },
            templates: services.registerTemplates.map {
                .init(title: $0.name, link: SiteURL.newActivity(id).path + "?modele=\($0.id)")
            },
            newLink: SiteURL.newActivity(id).path, csvLink: SiteURL.registerCSV(id).path,
            csvSemicolonLink: SiteURL.registerCSV(id).path + "?separateur=point-virgule",
            printLink: SiteURL.registerPrint(id).path
        )
    }

    /// The printable register: the rows only, its back link to the register.
    static func printable(
        _ access: InventoryAccess, query: RegisterPage.Query, views: Views, context: AppRequestContext
    ) -> Self {
        Self(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.register(access.associationID).path,
            canEdit: false,
            activities: query.activities.map {
                .init(
                    name: $0.name, editLink: "",
                    rows: RegisterPage.rows($0, assets: query.assets, views: views, context: context))
            },
            templates: [], newLink: "", csvLink: "", csvSemicolonLink: "", printLink: ""
        )
    }
}
