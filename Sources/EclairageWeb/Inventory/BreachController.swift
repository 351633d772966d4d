import EclairageDomain
import Hummingbird

/// The breach log (GDPR art. 33.5) and, for each breach, the 72-hour clock, the triage and the drafts
/// of the notification to the CNIL (art. 33.3) and of the letter to the people concerned (art. 34).
/// Completing a breach and recording its notification: `BreachController+Edit.swift`.
enum BreachController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        return try await renderList(access, values: [:], errors: FieldErrors(), context: context, services: services)
    }

    static func renderList(
        _ access: InventoryAccess, values: [String: String], errors: FieldErrors, context: AppRequestContext,
        services: AppServices, status: HTTPResponse.Status = .ok, editing: String? = nil
    ) async throws -> Response {
        let id = access.associationID
        let rows = try await services.database.read { try await BreachQueries.all(of: id, in: $0) }
        let model = BreachLogPage.Model.make(
            access, rows: rows, values: values, errors: errors, editing: editing, views: services.views,
            context: context)
        return services.views.render(
            "breaches", title: editing == nil ? "breach.list_title" : "breach.edit_title", content: model,
            context: context, status: status)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let body = try context.decodeForm(BreachFormBody.self)
        let now = services.time.now()
        switch Breach.validate(id: services.tokens.identifier(), form: body.form, now: now) {
        case .failure(let errors):
            return try await renderList(
                access, values: body.values.withoutSecrets(errors), errors: errors, context: context,
                services: services, status: .unprocessableContent)
        case .success(let breach):
            let row = BreachQueries.BreachRow(
                breach, association: access.associationID, recordedBy: access.loaded.user.displayName, createdAt: now)
            try await services.database.write { try await BreachQueries.insert(row, in: $0) }
            return redirect(to: .breach(access.associationID, breach: breach.id), flash: "breach.recorded")
        }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        let row = try await access.breach(context, services: services)
        let model = BreachPage.Model.make(
            access, breach: row.breach, now: services.time.now(), views: services.views, context: context)
        return services.views.render("breach", title: "breach.show_title", content: model, context: context)
    }

}
