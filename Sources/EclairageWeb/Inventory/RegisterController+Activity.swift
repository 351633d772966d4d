import EclairageDomain
import Hummingbird

/// One register activity: new (from a template), edit, save, delete (model: `ActivityFormPage+Model.swift`).
extension RegisterController {
    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        try access.requireEditor()
        let template = request.queryFields["modele"].flatMap { id in
            services.registerTemplates.first { $0.id == String(id) }
        }
        let query = try await ActivityFormPage.Query.load(access, services: services)
        return renderForm(
            access, activity: nil, values: template?.fields ?? [:], chosen: [], errors: FieldErrors(), query: query,
            context: context, services: services)
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        try access.requireEditor()
        let activity = try await access.activity(context, services: services).activity
        let query = try await ActivityFormPage.Query.load(access, services: services)
        return renderForm(
            access, activity: activity, values: ActivityFormPage.values(of: activity), chosen: activity.assetIDs,
            errors: FieldErrors(), query: query, context: context, services: services)
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
        let existing = try await access.activity(context, services: services)
        return try await save(access, context: context, services: services, existing: existing)
    }

    static func save(
        _ access: InventoryAccess, context: AppRequestContext, services: AppServices,
        existing: RegisterQueries.ActivityRow?
    ) async throws -> Response {
        try access.requireEditor()
        let id = access.associationID
        let (body, chosen) = try context.decodeForm(ActivityFormBody.self, settingApart: "assets")
        let query = try await ActivityFormPage.Query.load(access, services: services)
        let activityID = existing?.id ?? services.tokens.identifier()
        switch ProcessingActivity.validate(
            id: activityID, form: body.form, assetIDs: chosen,
            knownAssets: Dictionary(uniqueKeysWithValues: query.assets.map { ($0.id, $0.dataLocation ?? "") }))
        {
        case .failure(let errors):
            return renderForm(
                access, activity: existing?.activity, values: body.values.withoutSecrets(errors), chosen: chosen,
                errors: errors, query: query, context: context, services: services, status: .unprocessableContent)
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
        let row = try await access.activity(context, services: services)
        try await services.database.write {
            try await RegisterQueries.delete(row.id, association: access.associationID, in: $0)
        }
        return redirect(to: .register(access.associationID), flash: "activity.deleted")
    }

    static func renderForm(
        _ access: InventoryAccess, activity: ProcessingActivity?, values: [String: String], chosen: [String],
        errors: FieldErrors, query: ActivityFormPage.Query, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = ActivityFormPage.Model.make(
            access, activity: activity, values: values, chosen: chosen, errors: errors, assets: query.assets,
            views: services.views, context: context)
        return services.views.render(
            "activity-form", title: activity == nil ? "activity.new_title" : "activity.edit_title", content: model,
            context: context, status: status)
    }
}
