import EclairageDomain
import Hummingbird

/// The log of people's requests over their data (arts. 15–21), with its one-month clock: the same
/// access as the register (members write, advisors of a body the association shares with read, each
/// read logged). Reminders: `RightsRequestReminders`.
enum RightsController {
    static let what = "rights_requests"

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: what)
        return try await render(access, values: [:], errors: FieldErrors(), context: context, services: services)
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: what)
        let row = try await access.rightsRequest(context, services: services)
        return try await render(
            access, values: RightsPage.values(of: row), errors: FieldErrors(), context: context, services: services,
            editing: row.id)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: what)
        return try await save(access, existing: nil, context: context, services: services)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: what)
        let row = try await access.rightsRequest(context, services: services)
        return try await save(access, existing: row, context: context, services: services)
    }

    static func save(
        _ access: InventoryAccess, existing: RightsRequestQueries.Row?, context: AppRequestContext,
        services: AppServices
    ) async throws -> Response {
        try access.requireEditor()
        let body = try context.decodeForm(RightsFormBody.self)
        let now = services.time.now()
        let id = existing?.id ?? services.tokens.identifier()
        switch RightsRequest.validate(id: id, form: body.form, today: DateFormatting.parisDay(now)) {
        case .failure(let errors):
            return try await render(
                access, values: body.values.withoutSecrets(errors), errors: errors, context: context,
                services: services, status: .unprocessableContent, editing: existing?.id)
        case .success(let request):
            let association = access.associationID
            try await services.database.write { sql in
                if existing == nil {
                    try await RightsRequestQueries.insert(
                        .init(
                            request, association: association, recordedBy: access.loaded.user.displayName,
                            createdAt: now, now: now), in: sql)
                } else {
                    try await RightsRequestQueries.update(request, association: association, now: now, in: sql)
                }
            }
            return redirect(
                to: .rightsRequests(association), flash: existing == nil ? "rights.recorded" : "rights.updated")
        }
    }

    static func render(
        _ access: InventoryAccess, values: [String: String], errors: FieldErrors, context: AppRequestContext,
        services: AppServices, status: HTTPResponse.Status = .ok, editing: String? = nil
    ) async throws -> Response {
        let id = access.associationID
        let rows = try await services.database.read { try await RightsRequestQueries.all(of: id, in: $0) }
        let model = RightsPage.Model.make(
            access, rows: rows, values: values, errors: errors, editing: editing,
            today: DateFormatting.parisDay(services.time.now()), views: services.views, context: context)
        return services.views.render(
            "rights-requests", title: editing == nil ? "rights.title" : "rights.edit_title", content: model,
            context: context, status: status)
    }
}
