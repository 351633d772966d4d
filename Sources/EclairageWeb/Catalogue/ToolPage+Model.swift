import EclairageDomain

/// A tool's page: what it is, the needs it meets, its equivalents, where it is hosted, the sheets naming it.
enum ToolPage {
    struct Model: Sendable {
        let tool: ToolView
        let website: String
        let licence: String
        let kinds: String
        let needs: [CatalogueListPage.Model.NeedLink]
        let equivalents: [ToolView]
        let equivalentsHeading: String
        let yunohost: String?
        let hostedOffers: [Tool.HostedOffer]
        let wikidata: String?
        let reviewed: String
        let sheets: [LinkView]
    }
}

extension ToolPage.Model {
    init(_ tool: Tool, catalogue: Catalogue, sheets: [AwarenessSheet], views: Views, context: AppRequestContext) {
        self.init(
            tool: ToolView(tool, views: views, context: context),
            website: tool.website,
            licence: tool.license == "LicenseRef-Proprietary" ? views.text("tool.proprietary", context) : tool.license,
            kinds: tool.kinds.map { views.text("kind.\($0.rawValue)", context) }.joined(separator: ", "),
            needs: tool.needs.compactMap(catalogue.need).map {
                .init(name: $0.name, link: SiteURL.need($0.id).path, count: 0)
            },
            equivalents: tool.equivalents.compactMap(catalogue.tool).map {
                ToolView($0, views: views, context: context)
            },
            equivalentsHeading: views.text(
                tool.freeSoftware ? "tool.replaces" : "tool.alternatives", context, ["name": tool.name]),
            yunohost: tool.yunohost,
            hostedOffers: tool.hostedOffers,
            wikidata: tool.wikidata,
            reviewed: DateFormatting.day(iso: tool.reviewed, language: context.language),
            sheets: sheets.filter { $0.tools.contains(tool.slug) }.map {
                .init(title: $0.title, link: SiteURL.sheet($0.slug).path)
            }
        )
    }
}
