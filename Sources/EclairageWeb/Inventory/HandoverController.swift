import EclairageDomain
import Hummingbird

/// A change of board: a checklist made from the inventory, ticked by several members, completed and
/// kept as a dated record, printable. Starting, ticking and completing: `HandoverController+Checklist.swift`.
enum HandoverController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        return try await show(access, form: .empty, context: context, services: services)
    }

    /// The page, with the start form as sent when it comes back with errors.
    static func show(
        _ access: InventoryAccess, form: FormState, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = try await HandoverPage.Query.load(access, services: services)
        let model = HandoverPage.Model.make(access, query: query, form: form, views: services.views, context: context)
        return services.views.render(
            "handover", title: "handover.title", content: model, context: context, status: status)
    }

    /// The record, for printing or a PDF: every item, who ticked it and when.
    @Sendable static func print(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        let id = access.associationID
        let handoverID = try context.parameters.require("handover")
        guard let query = try await HandoverPrintPage.Query.load(handoverID, access: access, services: services) else {
            throw PageError.notFound
        }
        let model = HandoverPrintPage.Model(
            associationName: access.loaded.association.name,
            handover: .make(
                query.handover, items: query.items, association: id, views: services.views, context: context),
            backLink: SiteURL.handover(id).path)
        return services.views.render("handover-print", title: "handover.print_title", content: model, context: context)
    }
}
