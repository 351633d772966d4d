import EclairageDomain

/// A tool as lists and tables show it, with labels in the visitor's language.
struct ToolView: Sendable {
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
        name = tool.name
        link = SiteURL.tool(tool.slug).path
        description = tool.description
        freeSoftware = tool.freeSoftware
        licenceLabel = tool.freeSoftware ? views.text("tool.free_software", context) : views.text("tool.proprietary", context)
        costLabel = views.text("cost.\(tool.cost.model.rawValue)", context)
        costRange = tool.cost.range
        dataLabel = views.text("data.\(tool.dataLocation.rawValue)", context)
        effortLabel = views.text("difficulty.\(tool.difficulty)", context)
        gains = tool.gains
        limits = tool.limits
        switching = tool.switching
    }
}

extension ToolView: TemplateFields {
    var templateFields: [String: Any] {
        [
            "name": name, "link": link, "description": description, "freeSoftware": freeSoftware, "licenceLabel": licenceLabel,
            "costLabel": costLabel, "costRange": costRange, "dataLabel": dataLabel, "effortLabel": effortLabel,
            "gains": gains, "limits": limits, "switching": switching,
        ]
    }
}
