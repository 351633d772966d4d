import EclairageDomain
import Hummingbird

/// The catalogue: search and filters, a tool's page, a need's comparison page.
enum CatalogueController {
    /// The catalogue only changes when the content files do, that is at a restart: the results part of
    /// the page is rendered once per language and query, then served from memory.
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let filters = CatalogueFilters(request)
        let key =
            "\(context.language.rawValue)|\(SearchText.tokens(filters.query).joined(separator: " "))|\(filters.query(page: filters.page))"
        let html: String
        if let cached = services.catalogueCache.value(for: key) {
            html = cached
        } else {
            let query = try await CatalogueListPage.Query.load(filters, services: services)
            let model = CatalogueListPage.Model(
                filters, query: query, catalogue: services.catalogue, views: services.views, context: context)
            html = services.views.fragment("catalogue-results", content: model, language: context.language)
            services.catalogueCache.store(html, for: key)
        }
        return services.views.render(
            "catalogue", title: "catalogue.title", content: CataloguePage.Model(html: html), context: context)
    }

    @Sendable static func tool(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let slug = try context.parameters.require("id")
        guard let tool = services.catalogue.tool(slug) else { throw PageError.notFound }
        let model = ToolPage.Model(
            tool, catalogue: services.catalogue, sheets: services.sheets, views: services.views, context: context)
        return services.views.render(
            "tool", title: "tool.page_title", titleValues: ["name": tool.name], content: model, context: context)
    }

    @Sendable static func need(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let id = try context.parameters.require("id")
        guard let need = services.catalogue.need(id) else { throw PageError.notFound }
        let model = NeedPage.Model(
            need, catalogue: services.catalogue, sheets: services.sheets, views: services.views, context: context)
        return services.views.render(
            "need", title: "need.page_title", titleValues: ["name": need.name], content: model, context: context)
    }
}
