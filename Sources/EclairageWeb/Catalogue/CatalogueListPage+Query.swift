import EclairageDomain

extension CatalogueListPage {
    static let pageSize = 20

    /// Reads the tools that match the words typed (the search index) and builds the page.
    static func load(_ filters: CatalogueFilters, context: AppRequestContext, services: AppServices) async throws
        -> CatalogueListPage
    {
        let catalogue = services.catalogue
        let tokens = SearchText.tokens(filters.query)
        let kind = services.database.kind
        let matched: [Tool]
        if tokens.isEmpty {
            matched = catalogue.toolsByName
        } else {
            let slugs = try await services.database.read {
                try await CatalogueSearchQueries.search(tokens, kind: kind, in: $0)
            }
            matched = slugs.compactMap(catalogue.tool)
        }
        let results = matched.filter { filters.matches($0) }
        let views = services.views
        let start = (filters.page - 1) * pageSize
        let page = results.dropFirst(start).prefix(pageSize)
        // "Alternative à …": proprietary tools whose name was typed lead to their equivalents.
        let typed =
            tokens.isEmpty
            ? []
            : matched.filter { tool in
                let words = SearchText.normalise(tool.name).split(separator: " ")
                return !tool.freeSoftware && tokens.allSatisfy { token in words.contains { $0.hasPrefix(token) } }
            }
        let blocks = typed.prefix(2).map { tool in
            AlternativeBlock(
                name: tool.name,
                alternatives: tool.equivalents.compactMap(catalogue.tool).map {
                    ToolView($0, views: views, context: context)
                })
        }
        let content = CatalogueListPage(
            query: filters.query,
            results: page.map { ToolView($0, views: views, context: context) },
            resultCount: results.count,
            alternativesTo: blocks.filter { !$0.alternatives.isEmpty },
            needs: catalogue.needs.map { need in
                .init(
                    name: need.name, link: SiteURL.need(need.id).path,
                    count: matched.filter { $0.needs.contains(need.id) && filters.matches($0, ignoring: "besoin") }
                        .count)
            },
            filters: filterGroups(filters, matched: matched, views: views, context: context),
            nextPage: start + pageSize < results.count
                ? SiteURL.catalogue.path + filters.query(page: filters.page + 1) : nil,
            previousPage: filters.page > 1 ? SiteURL.catalogue.path + filters.query(page: filters.page - 1) : nil,
            searched: !tokens.isEmpty
        )
        return content
    }
}
