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
        let rightsLink: String
        /// The open rights requests in a sentence, with the next due day (nil when none waits).
        let rightsSummary: String?

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

    /// The register's columns, in the order of the CNIL's register template (art. 30.1): dates, who
    /// decides, why, whose data and which, who receives them, where they live and leave the EU, how long,
    /// with what safeguards.
    static let columns = [
        "dates", "controller", "joint_controller", "purpose", "legal_basis", "people", "data", "sensitive",
        "recipients", "location", "transfers", "retention", "security",
    ]

    /// The register's rows for one activity, in the order of `columns`.
    static func rows(
        _ row: RegisterQueries.ActivityRow, controller: String, assets: [Asset], views: Views,
        context: AppRequestContext
    ) -> [Model.Row] {
        let activity = row.activity
        let (locations, _) = activity.locations(in: assets)
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
                ])
        let language = context.language
        let values = [
            "dates": views.text(
                "activity.dates", context,
                [
                    "created": DateFormatting.day(row.createdAt, language: language),
                    "updated": DateFormatting.day(row.updatedAt, language: language),
                ]),
            "controller": controller,
            "joint_controller": activity.jointController.isEmpty
                ? views.text("activity.joint_controller_none", context) : activity.jointController,
            "purpose": activity.purpose,
            "legal_basis": views.text("activity.basis.\(activity.legalBasis.rawValue)", context),
            "people": activity.people, "data": activity.data,
            "sensitive": views.text("activity.sensitive.\(activity.sensitive ? "1" : "0")", context),
            "recipients": activity.recipients, "location": location,
            "transfers": transfers(activity, assets: assets, views: views, context: context),
            "retention": activity.retention, "security": activity.security,
        ]
        return columns.map { .init(label: views.text("activity.field.\($0)", context), value: values[$0] ?? "") }
    }

    /// Each transfer outside the EU with its basis: those the inventory's tools show, then the one typed.
    static func transfers(_ activity: ProcessingActivity, assets: [Asset], views: Views, context: AppRequestContext)
        -> String
    {
        func basis(_ basis: ProcessingActivity.TransferBasis?) -> String {
            basis.map { views.text("activity.transfer_basis.\($0.rawValue)", context) }
                ?? views.text("activity.transfer_basis_missing", context)
        }
        var lines = activity.transfersFromAssets(in: assets).map { transfer in
            views.text(
                "activity.transfer_line", context,
                [
                    "recipient": transfer.asset.provider.isEmpty
                        ? transfer.asset.name : "\(transfer.asset.name) (\(transfer.asset.provider))",
                    "location": views.text("data.\(transfer.asset.dataLocation ?? "")", context),
                    "basis": basis(transfer.basis),
                ])
        }
        if !activity.transfers.isEmpty {
            lines.append(
                views.text(
                    "activity.transfer_typed", context,
                    ["transfers": activity.transfers, "basis": basis(activity.transferBasis)]))
        }
        return lines.isEmpty ? views.text("activity.transfers_none", context) : lines.joined(separator: " ")
    }

    /// The register as CSV: the activity's name, then its rows.
    static func csv(_ query: Query, separator: Character, views: Views, context: AppRequestContext) -> String {
        var text = CSVWriter.line(
            [views.text("activity.field.name", context)] + columns.map { views.text("activity.field.\($0)", context) },
            separator: separator)
        for row in query.activities {
            text += CSVWriter.line(
                [row.name]
                    + rows(
                        row, controller: query.controller, assets: query.assets, views: views, context: context
                    ).map(\.value),
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
                    rows: RegisterPage.rows(
                        $0, controller: query.controller, assets: query.assets, views: views, context: context))
            },
            templates: services.registerTemplates.map {
                .init(title: $0.name, link: SiteURL.newActivity(id).path + "?modele=\($0.id)")
            },
            newLink: SiteURL.newActivity(id).path, csvLink: SiteURL.registerCSV(id).path,
            csvSemicolonLink: SiteURL.registerCSV(id).path + "?separateur=point-virgule",
            printLink: SiteURL.registerPrint(id).path, rightsLink: SiteURL.rightsRequests(id).path,
            rightsSummary: query.openRequests.map(\.dueOn).min().map { next in
                views.translations.plural(
                    "register.rights_open", count: query.openRequests.count, context.language,
                    ["date": DateFormatting.day(of: next, language: context.language)])
            }
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
                    rows: RegisterPage.rows(
                        $0, controller: query.controller, assets: query.assets, views: views, context: context))
            },
            templates: [], newLink: "", csvLink: "", csvSemicolonLink: "", printLink: "", rightsLink: "",
            rightsSummary: nil
        )
    }
}
