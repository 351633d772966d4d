import EclairageDomain

/// A tool as lists and tables show it, with labels in the visitor's language.
struct ToolView: Sendable, Equatable {
    let name: String
    let link: String
    let description: String
    let freeSoftware: Bool
    let licenceLabel: String
    let costLabel: String
    let costRange: String
    let dataLabel: String
    let effortLabel: String
    let gains: String
    let limits: String
    let switching: String

    init(_ tool: Tool, views: Views, context: AppRequestContext) {
        self.init(tool, strings: views.translations, language: context.language)
    }

    init(_ tool: Tool, strings: Translations, language: Language) {
        name = tool.name
        link = SiteURL.tool(tool.slug).path
        description = tool.description
        freeSoftware = tool.freeSoftware
        licenceLabel = strings.text(tool.freeSoftware ? "tool.free_software" : "tool.proprietary", language)
        costLabel = strings.text("cost.\(tool.cost.model.rawValue)", language)
        costRange = tool.cost.range
        dataLabel = strings.text("data.\(tool.dataLocation.rawValue)", language)
        effortLabel = strings.text("difficulty.\(tool.difficulty)", language)
        gains = tool.gains
        limits = tool.limits
        switching = tool.switching
    }
}
