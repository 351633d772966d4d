import EclairageDomain
import Hummingbird

/// Awareness sheets ("fiches repères"): the list and one sheet.
enum SheetsController {
    struct ListContent: Sendable {
        let sheets: [Item]
        struct Item: Sendable {
            let title: String
            let summary: String
            let link: String
        }
    }

    struct SheetContent: Sendable {
        let title: String
        let summary: String
        let html: String
        let listLink = SiteURL.sheets.path
        let tools: [LinkView]
        let needs: [LinkView]
        /// What Éclairage itself offers on the sheet's subject, reached from the association's page.
        let inEclairage: [String]
        let associationsLink = SiteURL.associations.path
    }

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let items = services.sheets.map {
            ListContent.Item(title: $0.title, summary: $0.summary, link: SiteURL.sheet($0.slug).path)
        }
        return services.views.render(
            "sheets", title: "sheets.title", content: ListContent(sheets: items), context: context)
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let slug = try context.parameters.require("id")
        guard let sheet = services.sheets.first(where: { $0.slug == slug }) else { throw PageError.notFound }
        let catalogue = services.catalogue
        let content = SheetContent(
            title: sheet.title, summary: sheet.summary, html: sheet.html,
            tools: sheet.tools.compactMap(catalogue.tool).map {
                .init(title: $0.name, link: SiteURL.tool($0.slug).path)
            },
            needs: sheet.needs.compactMap(catalogue.need).map { .init(title: $0.name, link: SiteURL.need($0.id).path) },
            inEclairage: sheet.inEclairage.map { services.views.text("sheet.in_eclairage.\($0)", context) }
        )
        return services.views.render(
            "sheet", title: "sheets.page_title", titleValues: ["title": sheet.title], content: content, context: context
        )
    }
}
