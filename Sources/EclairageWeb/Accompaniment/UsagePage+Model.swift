import EclairageDomain

/// The map of usages: the diagram and the same facts as a table, from the latest diagnostic; members
/// correct it by editing that diagnostic's tools page.
enum UsagePage {}

extension UsagePage {
    struct Model: Sendable {
        let associationName: String
        let backLink: String
        let svg: String?
        let rows: [Row]
        let editLink: String?
        let diagnosticDate: String?

        struct Row: Sendable {
            let need: String
            let tool: String
            let link: String?
            let licence: String
            let cost: String
            let data: String
            let holder: String
        }
    }
}

extension UsagePage.Model {
    static func make(
        _ query: UsagePage.Query, loaded: AuthorizedAssociation, context: AppRequestContext, services: AppServices
    )
        -> Self
    {
        let views = services.views
        let map = UsageMap.of(
            answers: query.answers, questionnaire: services.questionnaire, catalogue: services.catalogue,
            assets: query.assets)
        func text(_ key: String) -> String { views.text(key, context) }
        func licence(_ use: UsageMap.Use) -> String {
            use.freeSoftware.map { text($0 ? "usage.free" : "usage.proprietary") } ?? text("usage.unknown")
        }
        func cost(_ use: UsageMap.Use) -> String {
            use.cost.map { text("usage.cost.\($0.rawValue)") } ?? text("usage.unknown")
        }
        func data(_ use: UsageMap.Use) -> String {
            use.dataLocation.map { text("usage.data.\($0.rawValue)") } ?? text("usage.unknown")
        }
        func holder(_ use: UsageMap.Use) -> String {
            guard let holders = use.holders else { return text("usage.holder_unknown") }
            return holders == 1
                ? text("usage.single_holder") : views.text("usage.holders", context, ["n": "\(holders)"])
        }
        let facts: (UsageMap.Use) -> String = { use in
            [licence(use), cost(use), data(use)].joined(separator: " · ")
                + (use.singleHolder ? " · " + holder(use) : "")
        }
        let description = map.needs.map { need in
            "\(need.name) : " + need.uses.map { "\($0.name) (\(facts($0)))" }.joined(separator: ", ")
        }.joined(separator: " ; ")
        let id = loaded.association.id
        return Self(
            associationName: loaded.association.name, backLink: SiteURL.association(id).path,
            svg: map.isEmpty
                ? nil : map.svg(.init(title: text("usage.svg_title"), description: description, facts: facts)),
            rows: map.needs.flatMap { need in
                need.uses.map {
                    Row(
                        need: need.name, tool: $0.name, link: $0.slug.map { SiteURL.tool($0).path },
                        licence: licence($0),
                        cost: cost($0), data: data($0), holder: holder($0))
                }
            },
            editLink: loaded.access.isMember
                ? query.diagnostic.map { SiteURL.diagnosticStep($0.id, step: "2").path } : nil,
            diagnosticDate: query.diagnostic.map { DateFormatting.day($0.createdAt, language: context.language) })
    }
}
