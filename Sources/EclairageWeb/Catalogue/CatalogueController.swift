import EclairageDomain
import Hummingbird

/// The catalogue: search and filters, a tool's page, a need's comparison page.
enum CatalogueController {
    struct PageContent: Sendable { let html: String }

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
            html = services.views.fragment(
                "catalogue-results",
                content: try await CatalogueListPage.load(filters, context: context, services: services),
                language: context.language)
            services.catalogueCache.store(html, for: key)
        }
        return services.views.render(
            "catalogue", title: "catalogue.title", content: PageContent(html: html), context: context)
    }

    struct ToolContent: Sendable {
        let tool: ToolView
        let website: String
        let licence: String
        let kinds: String
        let needs: [CatalogueListPage.NeedLink]
        let equivalents: [ToolView]
        let equivalentsHeading: String
        let yunohost: String?
        let hostedOffers: [Tool.HostedOffer]
        let wikidata: String?
        let reviewed: String
        let sheets: [LinkView]
    }

    @Sendable static func tool(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let slug = try context.parameters.require("id")
        guard let tool = services.catalogue.tool(slug) else { throw PageError.notFound }
        let views = services.views
        let content = ToolContent(
            tool: ToolView(tool, views: views, context: context),
            website: tool.website,
            licence: tool.license == "LicenseRef-Proprietary" ? views.text("tool.proprietary", context) : tool.license,
            kinds: tool.kinds.map { views.text("kind.\($0.rawValue)", context) }.joined(separator: ", "),
            needs: tool.needs.compactMap(services.catalogue.need).map {
                .init(name: $0.name, link: SiteURL.need($0.id).path, count: 0)
            },
            equivalents: tool.equivalents.compactMap(services.catalogue.tool).map {
                ToolView($0, views: views, context: context)
            },
            equivalentsHeading: views.text(
                tool.freeSoftware ? "tool.replaces" : "tool.alternatives", context, ["name": tool.name]),
            yunohost: tool.yunohost,
            hostedOffers: tool.hostedOffers,
            wikidata: tool.wikidata,
            reviewed: tool.reviewed,
            sheets: services.sheets.filter { $0.tools.contains(tool.slug) }.map {
                .init(title: $0.title, link: SiteURL.sheet($0.slug).path)
            }
        )
        return views.render(
            "tool", title: "tool.page_title", titleValues: ["name": tool.name], content: content, context: context)
    }

    struct NeedContent: Sendable {
        let name: String
        let description: String
        let questions: String?
        let tools: [ToolView]
        let sheets: [LinkView]
        let catalogueLink = SiteURL.catalogue.path
    }

    @Sendable static func need(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let id = try context.parameters.require("id")
        guard let need = services.catalogue.need(id) else { throw PageError.notFound }
        let views = services.views
        let tools = services.catalogue.tools(for: id).sorted {
            ($0.freeSoftware ? 0 : 1, $0.difficulty, $0.name) < ($1.freeSoftware ? 0 : 1, $1.difficulty, $1.name)
        }
        let content = NeedContent(
            name: need.name, description: need.description, questions: need.questions,
            tools: tools.map { ToolView($0, views: views, context: context) },
            sheets: services.sheets.filter { $0.needs.contains(id) }.map {
                .init(title: $0.title, link: SiteURL.sheet($0.slug).path)
            }
        )
        return views.render(
            "need", title: "need.page_title", titleValues: ["name": need.name], content: content, context: context)
    }
}
