/// Recommendations from the diagnostic's tags and the association's constraints. Deterministic and
/// explainable: every choice comes from a score whose parts are the reasons shown.
///
/// Rules that always hold:
/// - a zero budget gets no paid tool, and a freemium one only when its free tier covers the association's size;
/// - nobody to run a server: only tools to install, services their publisher runs, or a hosted offer the catalogue names;
/// - a tool capped below the association's size, or made only for systems it does not use, is not offered;
/// - a tool in use is kept only for the need it was named under, and only when no flagged risk concerns
///   it; otherwise the advice says what to change in how it is used, and what switching would cost.
public struct Recommender: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// The first `limit` pieces of advice, most urgent first (see `needs`).
    public func recommend(tags: Set<String>, limit: Int = 6) -> [Recommendation] {
        Array(all(tags: tags).prefix(limit))
    }

    public func all(tags: Set<String>) -> [Recommendation] {
        let constraints = Constraints(tags: tags)
        return needs(tags: tags, constraints: constraints).compactMap {
            recommendation(for: $0, constraints: constraints, fromAnswers: tags.contains("need:\($0.id)"))
        }
    }

    /// Needs the answers point to (`need:` tags, or a flagged risk about a tool in use), then — when
    /// values matter a lot — needs served today by proprietary tools. The most urgent first: needs with
    /// the most flagged risks, then those the answers point to, then the catalogue's order.
    func needs(tags: Set<String>, constraints: Constraints) -> [Need] {
        var chosen = catalogue.needs.filter { need in
            tags.contains("need:\(need.id)")
                || (!flagged(need, constraints).isEmpty && !constraints.tools(usedFor: need.id).isEmpty)
        }
        if constraints.values == .high {
            let proprietaryInUse = constraints.toolsInUse.compactMap(catalogue.tool).filter { !$0.freeSoftware }
            for need in catalogue.needs
            where !chosen.contains(need) && proprietaryInUse.contains(where: { $0.needs.contains(need.id) }) {
                chosen.append(need)
            }
        }
        // (flagged risks, pointed to by the answers, minus the catalogue position): larger comes first.
        let rank = Dictionary(
            uniqueKeysWithValues: catalogue.needs.enumerated().map { position, need in
                (need.id, (flagged(need, constraints).count, tags.contains("need:\(need.id)") ? 1 : 0, -position))
            })
        return chosen.sorted { rank[$0.id]! > rank[$1.id]! }
    }

    /// The need's risks the answers flag.
    func flagged(_ need: Need, _ constraints: Constraints) -> [Recommendation.Concern] {
        need.risks.keys.sorted().filter(constraints.risks.contains).map { .init(risk: $0, practice: need.risks[$0]!) }
    }

    public func recommendation(for need: Need, constraints: Constraints, fromAnswers: Bool) -> Recommendation? {
        let options = catalogue.tools(for: need.id)
        let namedHere = constraints.tools(usedFor: need.id)
        let inUse = options.filter { namedHere.contains($0.slug) }
        let allowed = options.filter { !namedHere.contains($0.slug) && allowedByRules($0, constraints) }
        let easyEnough = allowed.filter { $0.difficulty <= maxDifficulty(constraints) }
        let candidates = (easyEnough.isEmpty ? allowed : easyEnough)
            .sorted {
                (-score($0, constraints, inUse: inUse), $0.difficulty, $0.slug) < (
                    -score($1, constraints, inUse: inUse), $1.difficulty, $1.slug
                )
            }
        let concerns = flagged(need, constraints)
        if let kept = inUse.filter({ acceptable($0, constraints) }).sorted(by: {
            ($0.difficulty, $0.slug) < ($1.difficulty, $1.slug)
        }).first {
            guard !concerns.isEmpty else {
                return Recommendation(
                    need: need, advice: .keep(kept), reasons: [.alreadyUsed(kept.name)], alternatives: [],
                    switching: nil)
            }
            let other = candidates.first
            return Recommendation(
                need: need, advice: .adjust(kept), reasons: [.alreadyUsed(kept.name)],
                alternatives: Array(candidates.prefix(2)),
                switching: other.map { switchingCost(to: $0, from: [kept]) }, concerns: concerns
            )
        }
        guard let suggestion = candidates.first else { return nil }
        var reasons = reasons(suggestion, constraints, inUse: inUse, fromAnswers: fromAnswers)
        if inUse.isEmpty && namedHere.contains("other") { reasons.insert(.uncataloguedInUse, at: 0) }
        return Recommendation(
            need: need, advice: .suggest(suggestion), reasons: reasons,
            alternatives: Array(candidates.dropFirst().prefix(2)),
            switching: switchingCost(to: suggestion, from: inUse), concerns: concerns
        )
    }

    /// What moving to `tool` costs; the note written for the pair when the catalogue has one.
    func switchingCost(to tool: Tool, from inUse: [Tool]) -> Recommendation.SwitchingCost {
        let pair = inUse.sorted { $0.slug < $1.slug }.lazy.compactMap { tool.switchingFrom[$0.slug] }.first
        return .init(
            effort: tool.difficulty, money: tool.cost.range, replacing: inUse.map(\.name), note: pair ?? tool.switching)
    }

    /// A tool in use is kept unless values matter a lot and it is neither free software nor a service
    /// run in the EU (proprietary software on one's own computer does not pass: the values question is
    /// about free software first).
    func acceptable(_ tool: Tool, _ constraints: Constraints) -> Bool {
        constraints.values != .high || tool.freeSoftware || tool.dataLocation == .eu
    }

    func allowedByRules(_ tool: Tool, _ constraints: Constraints) -> Bool {
        if constraints.budget == .zero {
            switch tool.cost.model {
            case .paid: return false
            case .freemium: if (tool.freeTierUsers ?? 0) < constraints.people { return false }
            case .free, .donation: break
            }
        }
        if !constraints.canSelfHost && !tool.usableWithoutServer { return false }
        if let cap = tool.maxUsers, cap < constraints.people { return false }
        if !runsOnTheirComputers(tool, constraints) { return false }
        return true
    }

    /// A tool made only for computers must run on one of the systems the association uses (when it said).
    func runsOnTheirComputers(_ tool: Tool, _ constraints: Constraints) -> Bool {
        guard tool.kinds.allSatisfy({ $0 == .desktop }), !tool.platforms.isEmpty, !constraints.platforms.isEmpty else {
            return true
        }
        return !constraints.platforms.isDisjoint(with: tool.platforms)
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
        // A phone app alone rarely serves a whole association; and when the association did not say
        // which systems its computers run, Windows is the likeliest: a tool that cannot run there comes later.
        if tool.kinds == [.mobile] { score -= 0.5 }
        // An association with its own server and someone to run it: tools that run on the server come first
        // (backing up a server is not a desktop tool's job).
        if constraints.hasServer && constraints.canSelfHost && tool.kinds.contains(.server) { score += 1.5 }
        if constraints.platforms.isEmpty, tool.kinds.allSatisfy({ $0 == .desktop }), !tool.platforms.isEmpty,
            !tool.platforms.contains(.windows)
        {
            score -= 2
        }
        if inUse.contains(where: { $0.equivalents.contains(tool.slug) || tool.equivalents.contains($0.slug) }) {
            score += 2
        }
        return score
    }

    func reasons(_ tool: Tool, _ constraints: Constraints, inUse: [Tool], fromAnswers: Bool) -> [Recommendation.Reason]
    {
        var reasons: [Recommendation.Reason] = []
        if fromAnswers { reasons.append(.answersPointHere) }
        if !inUse.isEmpty { reasons.append(.replaces(inUse.map(\.name))) }
        if tool.freeSoftware && constraints.values != .low { reasons.append(.freeSoftware) }
        if constraints.budget == .zero {
            if tool.cost.model == .freemium, let users = tool.freeTierUsers {
                reasons.append(.freeTierCovers(users))
            } else if tool.cost.model != .paid {
                reasons.append(.fitsZeroBudget)
            }
        }
        if tool.difficulty == 1 { reasons.append(.easyToAdopt) }
        if !constraints.canSelfHost, tool.selfHostable, let offer = tool.hostedOffers.first {
            reasons.append(.hostedForYou(offer.name))
        }
        if constraints.canSelfHost && tool.selfHostable { reasons.append(.selfHostWithHelp) }
        if tool.dataInEU && constraints.values != .low { reasons.append(.dataInEU) }
        return reasons
    }
}
