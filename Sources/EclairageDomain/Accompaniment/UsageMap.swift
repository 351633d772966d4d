import Foundation

/// The map of an association's digital usages (seed 003, "cartographie des usages numériques"): for
/// each need, the tools the diagnostic says it uses, each with what it implies: free software or not,
/// what it costs, where its data lives, and whether a single person holds the account (from the
/// inventory, when a listed asset names the tool).
public struct UsageMap: Sendable, Equatable {
    public struct Use: Sendable, Equatable {
        public let name: String
        /// The catalogue's tool, when the answer names one.
        public let slug: String?
        public let freeSoftware: Bool?
        public let cost: Tool.CostModel?
        public let dataLocation: Tool.DataLocation?
        /// nil when the inventory lists no asset for this tool.
        public let holders: Int?

        public var singleHolder: Bool { holders == 1 }
    }

    public struct Need: Sendable, Equatable {
        public let id: String
        public let name: String
        public let uses: [Use]
    }

    public let needs: [Need]

    public var isEmpty: Bool { needs.isEmpty }

    public static func of(answers: Answers, questionnaire: Questionnaire, catalogue: Catalogue, assets: [Asset])
        -> UsageMap
    {
        let needs = questionnaire.context.filter(\.isToolQuestion).compactMap { question -> Need? in
            let chosen = answers[question.id].filter { $0 != "aucun" }
            let uses = question.options.filter { chosen.contains($0.id) }.map { option in
                let tool = catalogue.tool(option.id)
                return Use(
                    name: tool?.name ?? option.label, slug: tool?.slug, freeSoftware: tool?.freeSoftware,
                    cost: tool?.cost.model, dataLocation: tool?.dataLocation,
                    holders: tool.flatMap { holders(of: $0.name, in: assets) })
            }
            guard !uses.isEmpty else { return nil }
            return Need(id: question.need, name: catalogue.need(question.need)?.name ?? question.text, uses: uses)
        }
        return UsageMap(needs: needs)
    }

    /// The holders of the inventory's assets that name the tool (its name or provider), if any does.
    static func holders(of tool: String, in assets: [Asset]) -> Int? {
        let key = fold(tool)
        let matching = assets.filter { fold($0.name).contains(key) || fold($0.provider).contains(key) }
        guard !matching.isEmpty, !key.isEmpty else { return nil }
        return Set(matching.flatMap(\.holders)).count
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber }
    }
}
