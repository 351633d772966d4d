import EclairageDomain
import Hummingbird

/// The asset form: new, edit, and the save that checks it (model: `AssetFormPage+Model.swift`).
extension InventoryController {
    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let values = AssetFormPage.suggested(
            kind: request.queryFields["type"].map { Substring($0) },
            owner: request.queryFields["titulaire"].map { Substring($0) })
        let query = try await AssetFormPage.Query.load(access, services: services)
        return renderForm(
            access, asset: nil, values: values, holders: [], errors: FieldErrors(), query: query, context: context,
            services: services)
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let asset = try await access.asset(context, services: services).asset
        let query = try await AssetFormPage.Query.load(access, services: services)
        return renderForm(
            access, asset: asset, values: AssetFormPage.values(of: asset), holders: asset.holders,
            errors: FieldErrors(), query: query, context: context, services: services)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        return try await save(access, context: context, services: services, existing: nil)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        let stored = try await access.asset(context, services: services)
        return try await save(access, context: context, services: services, existing: stored)
    }

    static func save(
        _ access: InventoryAccess, context: AppRequestContext, services: AppServices, existing: InventoryQueries.Stored?
    ) async throws -> Response {
        try access.requireEditor()
        let id = access.associationID
        let (body, ticked) = try context.decodeForm(AssetFormBody.self, settingApart: "holders")
        let query = try await AssetFormPage.Query.load(access, services: services)
        let members = query.members
        let memberNames = members.filter { ticked.contains($0.userId) }.map(\.displayName)
        var form = body.form
        form.memberHolders = memberNames
        form.unknownHolders = ticked.filter { id in !members.contains { $0.userId == id } }
        let assetID = existing?.row.id ?? services.tokens.identifier()
        switch form.validate(id: assetID, assetIDs: Set(query.stored.map(\.row.id))) {
        case .failure(let errors):
            return renderForm(
                access, asset: existing?.asset, values: body.values.withoutSecrets(errors), holders: memberNames,
                errors: errors, query: query, context: context, services: services, status: .unprocessableContent)
        case .success(let asset):
            let now = services.time.now()
            let row = InventoryQueries.AssetRow(
                asset, association: id, createdAt: existing?.row.createdAt ?? now, now: now)
            let holders = asset.holders.map { name in
                (name: name, userID: members.first { $0.displayName == name && ticked.contains($0.userId) }?.userId)
            }
            try await services.database.transaction { sql in
                try await InventoryQueries.save(row, holders: holders, isNew: existing == nil, in: sql)
            }
            let past = AssetForm.pastExpiry(asset, today: DateFormatting.parisDay(now))
            return redirect(to: .inventory(id), flash: past ? "asset.saved_past_expiry" : "asset.saved")
        }
    }

    static func renderForm(
        _ access: InventoryAccess, asset: Asset?, values: [String: String], holders: [String], errors: FieldErrors,
        query: AssetFormPage.Query, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = AssetFormPage.Model.make(
            access, asset: asset, values: values, holders: holders, errors: errors, query: query, services: services,
            context: context)
        return services.views.render(
            "asset-form", title: asset == nil ? "asset.new_title" : "asset.edit_title", content: model,
            context: context, status: status)
    }
}
