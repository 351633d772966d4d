import EclairageDomain
import Hummingbird

/// The catalogue: search and filters, a tool's page, a need's comparison page.
enum CatalogueController {
    static let pageSize = 20

    struct ListContent: Sendable {
        let query: String
        let action = SiteURL.catalogue.path
        let results: [ToolView]
        let resultCount: Int
        let alternativesTo: [AlternativeBlock]
        let needs: [NeedLink]
        let filters: [FilterGroup]
        let nextPage: String?
        let previousPage: String?
        let searched: Bool

        struct AlternativeBlock: Sendable { let name: String; let alternatives: [ToolView] }
        struct NeedLink: Sendable { let name: String; let link: String; let count: Int }
        struct FilterGroup: Sendable { let id: String; let legend: String; let options: [FilterOption]; let isCheckbox: Bool }
        struct FilterOption: Sendable { let name: String; let value: String; let label: String; let count: Int; let checked: Bool; let inputID: String }
    }

    struct PageContent: Sendable { let html: String }

    /// The catalogue only changes when the content files do, that is at a restart: the results part of
    /// the page is rendered once per language and query, then served from memory.
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let filters = CatalogueFilters(request)
        let key = "\(context.language.rawValue)|\(SearchText.tokens(filters.query).joined(separator: " "))|\(filters.query(page: filters.page))"
        let html: String
        if let cached = services.catalogueCache.value(for: key) {
            html = cached
        } else {
            html = services.views.fragment("catalogue-results", content: try await results(filters, context: context, services: services), language: context.language)
            services.catalogueCache.store(html, for: key)
        }
        return services.views.render("catalogue", title: "catalogue.title", content: PageContent(html: html), context: context)
    }

    static func results(_ filters: CatalogueFilters, context: AppRequestContext, services: AppServices) async throws -> ListContent {
        let catalogue = services.catalogue
        let tokens = SearchText.tokens(filters.query)
        let kind = services.database.kind
        let matched: [Tool]
        if tokens.isEmpty {
            matched = catalogue.toolsByName
        } else {
            let slugs = try await services.database.read { try await CatalogueSearchQueries.search(tokens, kind: kind, in: $0) }
            matched = slugs.compactMap(catalogue.tool)
        }
        let results = matched.filter { filters.matches($0) }
        let views = services.views
        let start = (filters.page - 1) * pageSize
        let page = results.dropFirst(start).prefix(pageSize)
        // "Alternative à …": proprietary tools whose name was typed lead to their equivalents.
        let typed = tokens.isEmpty ? [] : matched.filter { tool in
            let words = SearchText.normalise(tool.name).split(separator: " ")
            return !tool.freeSoftware && tokens.allSatisfy { token in words.contains { $0.hasPrefix(token) } }
        }
        let blocks = typed.prefix(2).map { tool in
            ListContent.AlternativeBlock(name: tool.name, alternatives: tool.equivalents.compactMap(catalogue.tool).map { ToolView($0, views: views, context: context) })
        }
        let content = ListContent(
            query: filters.query,
            results: page.map { ToolView($0, views: views, context: context) },
            resultCount: results.count,
            alternativesTo: blocks.filter { !$0.alternatives.isEmpty },
            needs: catalogue.needs.map { need in
                .init(name: need.name, link: SiteURL.need(need.id).path, count: matched.filter { $0.needs.contains(need.id) && filters.matches($0, ignoring: "besoin") }.count)
            },
            filters: filterGroups(filters, matched: matched, views: views, context: context),
            nextPage: start + pageSize < results.count ? SiteURL.catalogue.path + filters.query(page: filters.page + 1) : nil,
            previousPage: filters.page > 1 ? SiteURL.catalogue.path + filters.query(page: filters.page - 1) : nil,
            searched: !tokens.isEmpty
        )
        return content
    }

    static func filterGroups(_ filters: CatalogueFilters, matched: [Tool], views: Views, context: AppRequestContext) -> [ListContent.FilterGroup] {
        func count(_ ignoring: String, _ test: (Tool) -> Bool) -> Int { matched.filter { filters.matches($0, ignoring: ignoring) && test($0) }.count }
        func flag(_ name: String, _ label: String, _ checked: Bool, _ test: (Tool) -> Bool) -> ListContent.FilterOption {
            .init(name: name, value: "1", label: views.text(label, context), count: count(name, test), checked: checked, inputID: "filtre-\(name)")
        }
        return [
            .init(id: "criteres", legend: views.text("catalogue.filter_criteria", context), options: [
                flag("libre", "catalogue.filter_free", filters.freeOnly) { $0.freeSoftware },
                flag("autoheberge", "catalogue.filter_selfhost", filters.selfHostable) { $0.selfHostable },
                flag("ue", "catalogue.filter_eu", filters.dataInEU) { $0.dataInEU },
            ], isCheckbox: true),
            .init(id: "cout", legend: views.text("catalogue.filter_cost", context), options: Tool.CostModel.allCases.map { model in
                .init(name: "cout", value: model.rawValue, label: views.text("cost.\(model.rawValue)", context), count: count("cout") { $0.cost.model == model },
                      checked: filters.cost == model, inputID: "cout-\(model.rawValue)")
            }, isCheckbox: false),
            .init(id: "difficulte", legend: views.text("catalogue.filter_difficulty", context), options: (1...3).map { level in
                .init(name: "difficulte", value: String(level), label: views.text("difficulty.\(level)", context), count: count("difficulte") { $0.difficulty == level },
                      checked: filters.difficulty == level, inputID: "difficulte-\(level)")
            }, isCheckbox: false),
        ]
    }

    struct ToolContent: Sendable {
        let tool: ToolView
        let website: String
        let licence: String
        let kinds: String
        let needs: [ListContent.NeedLink]
        let equivalents: [ToolView]
        let equivalentsHeading: String
        let yunohost: String?
        let hostedOffers: [Tool.HostedOffer]
        let wikidata: String?
        let reviewed: String
        let sheets: [LinkView]
    }

    @Sendable static func tool(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let slug = try context.parameters.require("id")
        guard let tool = services.catalogue.tool(slug) else { throw PageError.notFound }
        let views = services.views
        let content = ToolContent(
            tool: ToolView(tool, views: views, context: context),
            website: tool.website,
            licence: tool.license == "LicenseRef-Proprietary" ? views.text("tool.proprietary", context) : tool.license,
            kinds: tool.kinds.map { views.text("kind.\($0.rawValue)", context) }.joined(separator: ", "),
            needs: tool.needs.compactMap(services.catalogue.need).map { .init(name: $0.name, link: SiteURL.need($0.id).path, count: 0) },
            equivalents: tool.equivalents.compactMap(services.catalogue.tool).map { ToolView($0, views: views, context: context) },
            equivalentsHeading: views.text(tool.freeSoftware ? "tool.replaces" : "tool.alternatives", context, ["name": tool.name]),
            yunohost: tool.yunohost,
            hostedOffers: tool.hostedOffers,
            wikidata: tool.wikidata,
            reviewed: tool.reviewed,
            sheets: services.sheets.filter { $0.tools.contains(tool.slug) }.map { .init(title: $0.title, link: SiteURL.sheet($0.slug).path) }
        )
        return views.render("tool", title: "tool.page_title", titleValues: ["name": tool.name], content: content, context: context)
    }

    struct NeedContent: Sendable {
        let name: String
        let description: String
        let questions: String?
        let tools: [ToolView]
        let sheets: [LinkView]
        let catalogueLink = SiteURL.catalogue.path
    }

    @Sendable static func need(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let need = services.catalogue.need(id) else { throw PageError.notFound }
        let views = services.views
        let tools = services.catalogue.tools(for: id).sorted { ($0.freeSoftware ? 0 : 1, $0.difficulty, $0.name) < ($1.freeSoftware ? 0 : 1, $1.difficulty, $1.name) }
        let content = NeedContent(
            name: need.name, description: need.description, questions: need.questions,
            tools: tools.map { ToolView($0, views: views, context: context) },
            sheets: services.sheets.filter { $0.needs.contains(id) }.map { .init(title: $0.title, link: SiteURL.sheet($0.slug).path) }
        )
        return views.render("need", title: "need.page_title", titleValues: ["name": need.name], content: content, context: context)
    }
}
