import EclairageDomain

/// The catalogue's results: the tools found, alternatives to a proprietary tool typed in, the needs and
/// the filters with what each would give. Rendered as a fragment kept in memory (`CatalogueController`);
/// its read is in `CatalogueListPage+Query.swift`.
enum CatalogueListPage {
    struct Model: Sendable {
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

        struct AlternativeBlock: Sendable {
            let name: String
            let alternatives: [ToolView]
        }
        struct NeedLink: Sendable {
            let name: String
            let link: String
            let count: Int
        }
        struct FilterGroup: Sendable {
            let id: String
            let legend: String
            let options: [FilterOption]
            let isCheckbox: Bool
        }
        struct FilterOption: Sendable {
            let name: String
            let value: String
            let label: String
            let count: Int
            let checked: Bool
            let inputID: String
        }
    }
}

extension CatalogueListPage.Model {
    static let pageSize = 20

    /// The page of results for `filters`, among the tools `query` found.
    init(
        _ filters: CatalogueFilters, query: CatalogueListPage.Query, catalogue: Catalogue, views: Views,
        context: AppRequestContext
    ) {
        let (tokens, matched) = (query.tokens, query.matched)
        let results = matched.filter { filters.matches($0) }
        let start = (filters.page - 1) * Self.pageSize
        let page = results.dropFirst(start).prefix(Self.pageSize)
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
        self.init(
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
            filters: Self.filterGroups(filters, matched: matched, views: views, context: context),
            nextPage: start + Self.pageSize < results.count
                ? SiteURL.catalogue.path + filters.query(page: filters.page + 1) : nil,
            previousPage: filters.page > 1 ? SiteURL.catalogue.path + filters.query(page: filters.page - 1) : nil,
            searched: !tokens.isEmpty
        )
    }

    static func filterGroups(_ filters: CatalogueFilters, matched: [Tool], views: Views, context: AppRequestContext)
        -> [FilterGroup]
    {
        func count(_ ignoring: String, _ test: (Tool) -> Bool) -> Int {
            matched.filter { filters.matches($0, ignoring: ignoring) && test($0) }.count
        }
        func flag(_ name: String, _ label: String, _ checked: Bool, _ test: (Tool) -> Bool) -> FilterOption {
            .init(
                name: name, value: "1", label: views.text(label, context), count: count(name, test), checked: checked,
                inputID: "filtre-\(name)")
        }
        return [
            .init(
                id: "criteres", legend: views.text("catalogue.filter_criteria", context),
                options: [
                    flag("libre", "catalogue.filter_free", filters.freeOnly) { $0.freeSoftware },
                    flag("autoheberge", "catalogue.filter_selfhost", filters.selfHostable) { $0.selfHostable },
                    flag("ue", "catalogue.filter_eu", filters.dataInEU) { $0.dataInEU },
                ], isCheckbox: true),
            .init(
                id: "cout", legend: views.text("catalogue.filter_cost", context),
                options: Tool.CostModel.allCases.map { model in
                    .init(
                        name: "cout", value: model.rawValue, label: views.text("cost.\(model.rawValue)", context),
                        count: count("cout") { $0.cost.model == model },
                        checked: filters.cost == model, inputID: "cout-\(model.rawValue)")
                }, isCheckbox: false),
            .init(
                id: "difficulte", legend: views.text("catalogue.filter_difficulty", context),
                options: (1...3).map { level in
                    .init(
                        name: "difficulte", value: String(level), label: views.text("difficulty.\(level)", context),
                        count: count("difficulte") { $0.difficulty == level },
                        checked: filters.difficulty == level, inputID: "difficulte-\(level)")
                }, isCheckbox: false),
        ]
    }
}
