import EclairageDomain
import Hummingbird

/// The GDPR register of processing activities (art. 30): activities from templates, linked to the
/// inventory's assets (where the data lives comes from them), a CSV and a printable register.
enum RegisterController {
    struct Content: Sendable {
        let associationName: String
        let inventoryLink: String
        let canEdit: Bool
        let activities: [ActivityView]
        let templates: [LinkView]
        let newLink: String
        let csvLink: String
        let csvSemicolonLink: String
        let printLink: String
    }

    struct ActivityView: Sendable {
        let name: String
        let editLink: String
        let rows: [Row]
    }

    struct Row: Sendable {
        let label: String
        let value: String
    }

    static let columns = [
        "purpose", "legal_basis", "people", "data", "recipients", "location", "retention", "security",
    ]

    /// The register's rows for one activity, in the order of art. 30.1.
    static func rows(_ activity: ProcessingActivity, assets: [Asset], views: Views, context: AppRequestContext) -> [Row]
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
        return columns.map { Row(label: views.text("activity.field.\($0)", context), value: values[$0] ?? "") }
    }

    static func loadAll(_ access: InventoryAccess, services: AppServices) async throws -> (
        [ProcessingActivity], [Asset]
    ) {
        let id = access.associationID
        return try await services.database.read { sql in
            (
                try await RegisterQueries.all(of: id, in: sql).map(\.activity),
                try await InventoryQueries.all(of: id, in: sql).map(\.asset)
            )
        }
    }

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        let id = access.associationID
        let (activities, assets) = try await loadAll(access, services: services)
        let views = services.views
        let content = Content(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.inventory(id).path,
            canEdit: access.canEdit,
            activities: activities.map {
                .init(
                    name: $0.name, editLink: SiteURL.activity(id, activity: $0.id).path,
                    rows: rows($0, assets: assets, views: views, context: context))
            },
            templates: services.registerTemplates.map {
                .init(title: $0.name, link: SiteURL.newActivity(id).path + "?modele=\($0.id)")
            },
            newLink: SiteURL.newActivity(id).path, csvLink: SiteURL.registerCSV(id).path,
            csvSemicolonLink: SiteURL.registerCSV(id).path + "?separateur=point-virgule",
            printLink: SiteURL.registerPrint(id).path
        )
        return views.render("register", title: "register.title", content: content, context: context)
    }

    @Sendable static func printable(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        let (activities, assets) = try await loadAll(access, services: services)
        let views = services.views
        let content = Content(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.register(access.associationID).path,
            canEdit: false,
            activities: activities.map {
                .init(name: $0.name, editLink: "", rows: rows($0, assets: assets, views: views, context: context))
            },
            templates: [], newLink: "", csvLink: "", csvSemicolonLink: "", printLink: ""
        )
        return views.render("register-print", title: "register.print_title", content: content, context: context)
    }

    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        let (activities, assets) = try await loadAll(access, services: services)
        let separator = Download.csvSeparator(request)
        let views = services.views
        var text = CSVWriter.line(
            [views.text("activity.field.name", context)] + columns.map { views.text("activity.field.\($0)", context) },
            separator: separator)
        for activity in activities {
            text += CSVWriter.line(
                [activity.name] + rows(activity, assets: assets, views: views, context: context).map(\.value),
                separator: separator)
        }
        return Download.csv(text, name: "registre-rgpd.csv")
    }

    // MARK: Form

    struct FormContent: Sendable {
        let form: FormState
        let action: String
        let cancelLink: String
        let deleteAction: String?
        let fields: [AssetFormPage.Model.Field]
        let bases: [AssetFormPage.Model.Option]
        let assets: [AssetFormPage.Model.Option]
        let hasAssets: Bool
    }

    static let order = [
        "name", "purpose", "legal_basis", "people", "data", "recipients", "retention", "security", "assets",
    ]

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        try access.requireEditor()
        let template = request.uri.queryParameters["modele"].flatMap { id in
            services.registerTemplates.first { $0.id == String(id) }
        }
        return try await renderForm(
            access, activity: nil, values: template?.fields ?? [:], chosen: [], errors: FieldErrors(), context: context,
            services: services)
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        try access.requireEditor()
        let row = try await find(access, context: context, services: services)
        let activity = row.activity
        var values = RegisterTemplate.values(of: activity)
        values["legal_basis"] = activity.legalBasis.rawValue
        return try await renderForm(
            access, activity: activity, values: values, chosen: activity.assetIDs, errors: FieldErrors(),
            context: context, services: services)
    }

    static func find(_ access: InventoryAccess, context: AppRequestContext, services: AppServices) async throws
        -> RegisterQueries.ActivityRow
    {
        let activityID = try context.parameters.require("activity")
        guard
            let row = try await services.database.read({
                try await RegisterQueries.find(activityID, association: access.associationID, in: $0)
            })
        else { throw PageError.notFound }
        return row
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        return try await save(access, context: context, services: services, existing: nil)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        return try await save(
            access, context: context, services: services,
            existing: try await find(access, context: context, services: services))
    }

    static func save(
        _ access: InventoryAccess, context: AppRequestContext, services: AppServices,
        existing: RegisterQueries.ActivityRow?
    ) async throws -> Response {
        try access.requireEditor()
        let id = access.associationID
        let (body, chosen) = try context.decodeForm(ActivityFormBody.self, settingApart: "assets")
        let values = body.values
        let assets = try await services.database.read { try await InventoryQueries.all(of: id, in: $0) }
        let activityID = existing?.id ?? services.tokens.identifier()
        switch ProcessingActivity.validate(
            id: activityID, form: body.form, assetIDs: chosen, knownAssets: Set(assets.map(\.row.id)))
        {
        case .failure(let errors):
            return try await renderForm(
                access, activity: existing?.activity, values: values.withoutSecrets(errors), chosen: chosen,
                errors: errors, context: context, services: services,
                status: .unprocessableContent)
        case .success(let activity):
            let now = services.time.now()
            try await services.database.transaction { sql in
                try await RegisterQueries.save(
                    .init(activity, association: id, createdAt: existing?.createdAt ?? now, now: now),
                    isNew: existing == nil, in: sql)
            }
            return redirect(to: .register(id), flash: "activity.saved")
        }
    }

    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        try access.requireEditor()
        let row = try await find(access, context: context, services: services)
        try await services.database.write {
            try await RegisterQueries.delete(row.id, association: access.associationID, in: $0)
        }
        return redirect(to: .register(access.associationID), flash: "activity.deleted")
    }

    static func renderForm(
        _ access: InventoryAccess, activity: ProcessingActivity?, values: [String: String], chosen: [String],
        errors: FieldErrors,
        context: AppRequestContext, services: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let id = access.associationID
        let assets = try await services.database.read { try await InventoryQueries.all(of: id, in: $0) }.map(\.asset)
        let views = services.views
        let form = FormState(values: values, errors: errors, order: order, views: views, context: context)
        let content = FormContent(
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
        return views.render(
            "activity-form", title: activity == nil ? "activity.new_title" : "activity.edit_title", content: content,
            context: context, status: status)
    }
}

extension RegisterTemplate {
    /// The form values of a stored activity (the same fields as a template's).
    static func values(of activity: ProcessingActivity) -> [String: String] {
        [
            "name": activity.name, "purpose": activity.purpose, "legal_basis": activity.legalBasis.rawValue,
            "people": activity.people, "data": activity.data,
            "recipients": activity.recipients, "retention": activity.retention, "security": activity.security,
        ]
    }
}
