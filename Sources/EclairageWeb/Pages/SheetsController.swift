import EclairageDomain
import Hummingbird

/// Awareness sheets ("fiches repères"): the list and one sheet.
enum SheetsController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        services.views.render(
            "sheets", title: "sheets.title", content: SheetListPage.Model(services.sheets), context: context)
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let slug = try context.parameters.require("id")
        guard let sheet = services.sheets.first(where: { $0.slug == slug }) else { throw PageError.notFound }
        let model = SheetPage.Model(sheet, catalogue: services.catalogue, views: services.views, context: context)
        return services.views.render(
            "sheet", title: "sheets.page_title", titleValues: ["title": sheet.title], content: model, context: context)
    }
}
