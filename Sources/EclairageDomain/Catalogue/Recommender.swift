/// Recommendations from the diagnostic's tags and the association's constraints. Deterministic and
/// explainable: every choice comes from a score whose parts are the reasons shown.
///
/// Rules that always hold: never a paid tool for a zero budget; never an option that needs one's own
/// server unless a member or a named local helper can run it; a fitting tool already in use is kept.
public struct Recommender: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    public func recommend(tags: Set<String>, limit: Int = 6) -> [Recommendation] {
        let constraints = Constraints(tags: tags)
        return needs(tags: tags, constraints: constraints).prefix(limit).compactMap { recommendation(for: $0, constraints: constraints, fromAnswers: tags.contains("need:\($0.id)")) }
    }

    /// Needs the answers point to (`need:` tags), then — when values matter a lot — needs served today by
    /// proprietary tools, in the catalogue's order.
    func needs(tags: Set<String>, constraints: Constraints) -> [Need] {
        var chosen = catalogue.needs.filter { tags.contains("need:\($0.id)") }
        if constraints.values == .high {
            let proprietaryInUse = constraints.toolsInUse.compactMap(catalogue.tool).filter { !$0.freeSoftware }
            for need in catalogue.needs where !chosen.contains(need) && proprietaryInUse.contains(where: { $0.needs.contains(need.id) }) {
                chosen.append(need)
            }
        }
        return chosen
    }

    public func recommendation(for need: Need, constraints: Constraints, fromAnswers: Bool) -> Recommendation? {
        let options = catalogue.tools(for: need.id)
        let inUse = options.filter { constraints.toolsInUse.contains($0.slug) }
        if let kept = inUse.filter({ acceptable($0, constraints) }).sorted(by: { ($0.difficulty, $0.slug) < ($1.difficulty, $1.slug) }).first {
            return Recommendation(need: need, advice: .keep(kept), reasons: [.alreadyUsed(kept.name)], alternatives: [], switching: nil)
        }
        let allowed = options.filter { !constraints.toolsInUse.contains($0.slug) && allowedByRules($0, constraints) }
        let easyEnough = allowed.filter { $0.difficulty <= maxDifficulty(constraints) }
        let candidates = (easyEnough.isEmpty ? allowed : easyEnough)
            .sorted { (-score($0, constraints, inUse: inUse), $0.difficulty, $0.slug) < (-score($1, constraints, inUse: inUse), $1.difficulty, $1.slug) }
        guard let suggestion = candidates.first else { return nil }
        return Recommendation(
            need: need,
            advice: .suggest(suggestion),
            reasons: reasons(suggestion, constraints, inUse: inUse, fromAnswers: fromAnswers),
            alternatives: Array(candidates.dropFirst().prefix(2)),
            switching: .init(effort: suggestion.difficulty, money: suggestion.cost.range, replacing: inUse.map(\.name), note: suggestion.switching)
        )
    }

    /// A tool in use is kept unless values matter a lot and it is neither free software nor keeps data in the EU.
    func acceptable(_ tool: Tool, _ constraints: Constraints) -> Bool {
        constraints.values != .high || tool.freeSoftware || tool.dataInEU
    }

    func allowedByRules(_ tool: Tool, _ constraints: Constraints) -> Bool {
        if constraints.budget == .zero && tool.cost.model == .paid { return false }
        if !constraints.canSelfHost && !tool.usableWithoutServer { return false }
        return true
    }

    func maxDifficulty(_ constraints: Constraints) -> Int {
        if constraints.canSelfHost && constraints.skills == .high { return 3 }
        if constraints.skills == .low || constraints.time == .none { return 1 }
        return 2
    }

    func score(_ tool: Tool, _ constraints: Constraints, inUse: [Tool]) -> Double {
        var score = 0.0
        switch constraints.values {
        case .high: score += (tool.freeSoftware ? 4 : 0) + (tool.dataInEU ? 2 : 0)
        case .medium: score += (tool.freeSoftware ? 2 : 0) + (tool.dataInEU ? 1 : 0)
        case .low, .unknown: score += tool.freeSoftware ? 1 : 0
        }
        let extraEffort = Double(tool.difficulty - 1)
        switch constraints.skills {
        case .low: score -= extraEffort * 3
        case .medium: score -= extraEffort * 1.5
        case .high: score -= extraEffort * 0.5
        case .unknown: score -= extraEffort * 2
        }
        if constraints.time == .none || constraints.time == .little { score -= extraEffort }
        switch (constraints.budget, tool.cost.model) {
        case (.zero, .free), (.zero, .donation): score += 2
        case (.zero, .freemium): score += 0.5
        case (.small, .free), (.small, .donation): score += 1
        default: break
        }
        if !constraints.canSelfHost && tool.selfHostable && !tool.hostedOffers.isEmpty { score += 1 }
        if inUse.contains(where: { $0.equivalents.contains(tool.slug) || tool.equivalents.contains($0.slug) }) { score += 2 }
        return score
    }

    func reasons(_ tool: Tool, _ constraints: Constraints, inUse: [Tool], fromAnswers: Bool) -> [Recommendation.Reason] {
        var reasons: [Recommendation.Reason] = []
        if fromAnswers { reasons.append(.answersPointHere) }
        if !inUse.isEmpty { reasons.append(.replaces(inUse.map(\.name))) }
        if tool.freeSoftware && constraints.values != .low { reasons.append(.freeSoftware) }
        if constraints.budget == .zero && tool.cost.model != .paid { reasons.append(.fitsZeroBudget) }
        if tool.difficulty == 1 { reasons.append(.easyToAdopt) }
        if !constraints.canSelfHost, tool.selfHostable, let offer = tool.hostedOffers.first { reasons.append(.hostedForYou(offer.name)) }
        if constraints.canSelfHost && tool.selfHostable { reasons.append(.selfHostWithHelp) }
        if tool.dataInEU && constraints.values != .low { reasons.append(.dataInEU) }
        return reasons
    }
}
