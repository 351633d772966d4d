import EclairageDomain

/// The catalogue's results: the tools found, alternatives to a proprietary tool typed in, the needs and
/// the filters with what each would give.
struct CatalogueListPage: Sendable {
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

extension CatalogueListPage {
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
