import EclairageDomain

/// A need's comparison page: the tools that meet it, free software first, then the easiest.
enum NeedPage {
    struct Model: Sendable {
        let name: String
        let description: String
        let questions: String?
        let tools: [ToolView]
        let sheets: [LinkView]
        let catalogueLink = SiteURL.catalogue.path
    }
}

extension NeedPage.Model {
    init(_ need: Need, catalogue: Catalogue, sheets: [AwarenessSheet], views: Views, context: AppRequestContext) {
        let tools = catalogue.tools(for: need.id).sorted {
            ($0.freeSoftware ? 0 : 1, $0.difficulty, $0.name) < ($1.freeSoftware ? 0 : 1, $1.difficulty, $1.name)
        }
        self.init(
            name: need.name, description: need.description, questions: need.questions,
            tools: tools.map { ToolView($0, views: views, context: context) },
            sheets: sheets.filter { $0.needs.contains(need.id) }.map {
                .init(title: $0.title, link: SiteURL.sheet($0.slug).path)
            }
        )
    }
}
