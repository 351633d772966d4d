/// Recommendations from the diagnostic's tags and the association's constraints. Deterministic and
/// explainable: every choice comes from a score whose parts are the reasons shown.
///
/// Rules that always hold:
/// - a zero budget gets no paid tool, and a freemium one only when its free tier covers the association's size,
///   except for a need only ever met by paying (`Need.bought`): its paid offers come after the 0 € options,
///   one of them kept among the alternatives, with what buying costs;
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

    /// Needs the answers point to (`need:` tags, or a flagged risk about a tool in use), then needs
    /// served today by proprietary tools: with their free alternatives beside them (pushed only when
    /// values matter a lot, offered when "si possible", folded otherwise). The most urgent first:
    /// needs with the most flagged risks, then those the answers point to, then the catalogue's order.
    /// An association that owns no computer gets no advice on the system of its computers.
    func needs(tags: Set<String>, constraints: Constraints) -> [Need] {
        var chosen = catalogue.needs.filter { need in
            tags.contains("need:\(need.id)")
                || (!flagged(need, constraints).isEmpty && !constraints.tools(usedFor: need.id).isEmpty)
        }
        let proprietaryInUse = constraints.toolsInUse.compactMap(catalogue.tool).filter { !$0.freeSoftware }
        for need in catalogue.needs
        where !chosen.contains(need)
            && proprietaryInUse.contains(where: {
                $0.needs.contains(need.id) && constraints.tools(usedFor: need.id).contains($0.slug)
            })
        {
            chosen.append(need)
        }
        if constraints.ownsNoComputer { chosen.removeAll { $0.id == "operating-system" } }
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
        let onlineEditors =
            need.id == "backup"
            ? constraints.toolsInUse.sorted().compactMap(catalogue.tool).filter(\.onlineDocuments) : []
        let allowed = options.filter {
            !namedHere.contains($0.slug) && allowedByRules($0, constraints, need: need) && replaces($0, need: need)
                && !($0.mirror && !onlineEditors.isEmpty)
        }
        let easyEnough = allowed.filter { $0.difficulty <= maxDifficulty(constraints) }
        let candidates = ranked(easyEnough.isEmpty ? allowed : easyEnough, constraints, inUse: inUse)
        let concerns = flagged(need, constraints)
        if let kept = inUse.filter({ acceptable($0, constraints) }).sorted(by: {
            ($0.difficulty, $0.slug) < ($1.difficulty, $1.slug)
        }).first {
            guard !concerns.isEmpty else {
                // A proprietary tool kept: its free alternatives beside it, with what switching costs;
                // folded unless free software matters to the association.
                let free = kept.freeSoftware ? [] : Array(candidates.filter(\.freeSoftware).prefix(2))
                return Recommendation(
                    need: need, advice: .keep(kept), reasons: [.alreadyUsed(kept.name)], alternatives: free,
                    switching: free.first.map { switchingCost(to: $0, from: [kept]) },
                    alternativesFolded: constraints.values != .medium && constraints.values != .high)
            }
            // A working free tool is not swapped for a proprietary one (a site builder for WordPress):
            // the answers flag a practice to change, not a reason to give up free software.
            let paths = kept.freeSoftware ? candidates.filter(\.freeSoftware) : candidates
            let other = paths.first
            return Recommendation(
                need: need, advice: .adjust(kept), reasons: [.alreadyUsed(kept.name)],
                alternatives: Array(paths.prefix(2)),
                switching: other.map { switchingCost(to: $0, from: [kept]) }, concerns: concerns
            )
        }
        guard let suggestion = candidates.first else { return nil }
        var reasons = reasons(suggestion, constraints, inUse: inUse, fromAnswers: fromAnswers)
        if inUse.isEmpty && namedHere.contains("other") { reasons.insert(.uncataloguedInUse, at: 0) }
        if !onlineEditors.isEmpty { reasons.append(.documentsOnlyOnline(onlineEditors.map(\.name))) }
        let alternatives = alternatives(after: suggestion, in: candidates, need: need, constraints)
        if let bought = need.bought, ([suggestion] + alternatives).contains(where: { costsMoney($0, constraints) }) {
            reasons.append(.bought(bought.note))
        }
        return Recommendation(
            need: need, advice: .suggest(suggestion), reasons: reasons,
            alternatives: alternatives,
            switching: switchingCost(to: suggestion, from: inUse), concerns: concerns
        )
    }

    /// Best fit first: with little or no money, what costs nothing comes before any priced offer; then
    /// the fit's score (values, skills, hosting, cost); then the easier, the cheaper model, the
    /// catalogue's editorial order; the slug only makes the order total.
    func ranked(_ tools: [Tool], _ constraints: Constraints, inUse: [Tool]) -> [Tool] {
        let costRank: [Tool.CostModel: Int] = [.free: 0, .donation: 0, .freemium: 1, .paid: 2]
        func key(_ tool: Tool) -> (Int, Double, Int, Int, Int) {
            let priced = (constraints.budget == .zero || constraints.budget == .tight) && costsMoney(tool, constraints)
            return (
                priced ? 1 : 0, -score(tool, constraints, inUse: inUse), tool.difficulty, costRank[tool.cost.model]!,
                tool.order ?? Int.max
            )
        }
        return tools.sorted { a, b in
            let (ka, kb) = (key(a), key(b))
            return ka != kb ? ka < kb : a.slug < b.slug
        }
    }

    /// The two next best options; for a need only ever met by paying, seen with a small budget, the
    /// second is the best place to buy when the others cost nothing (a refurbisher beside free systems).
    func alternatives(after suggestion: Tool, in candidates: [Tool], need: Need, _ constraints: Constraints) -> [Tool] {
        let rest = Array(candidates.dropFirst())
        let next = Array(rest.prefix(2))
        guard need.bought != nil, !([suggestion] + next).contains(where: { costsMoney($0, constraints) }),
            let shop = rest.first(where: { costsMoney($0, constraints) })
        else { return next }
        return Array(next.prefix(1)) + [shop]
    }

    /// Whether the tool can take the place of what meets the need: a companion app, or a client that
    /// only reads what another service provides, cannot.
    func replaces(_ tool: Tool, need: Need) -> Bool {
        tool.companionOf == nil && !tool.clientFor.contains(need.id)
    }

    /// The association would pay for it: a paid tool, or a freemium one whose free tier does not cover it.
    func costsMoney(_ tool: Tool, _ constraints: Constraints) -> Bool {
        switch tool.cost.model {
        case .paid: true
        case .freemium: !freeTierCovers(tool, constraints)
        case .free, .donation: false
        }
    }

    /// The free tier covers the association, in its own unit (accounts, editors at once, answers a month, mails a day).
    func freeTierCovers(_ tool: Tool, _ constraints: Constraints) -> Bool {
        guard let amount = tool.freeTierUsers else { return false }
        return amount >= constraints.demand(in: tool.freeTierUnit ?? .accounts)
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

    func allowedByRules(_ tool: Tool, _ constraints: Constraints, need: Need) -> Bool {
        switch (constraints.budget, need.bought?.from) {
        case (.zero, .zero), (.tight, .zero), (.tight, .tight): break
        case (.zero, _), (.tight, _): if costsMoney(tool, constraints) { return false }
        default: break
        }
        if !constraints.canSelfHost && !tool.usableWithoutServer { return false }
        if let cap = tool.maxUsers, cap < constraints.people { return false }
        if !runsOnTheirComputers(tool, constraints) { return false }
        return true
    }

    /// A tool made only for computers must run on one of the systems the association uses (when it
    /// said); an operating system is the system itself, not a program made for another.
    func runsOnTheirComputers(_ tool: Tool, _ constraints: Constraints) -> Bool {
        guard tool.kinds.allSatisfy({ $0 == .desktop }), !tool.platforms.isEmpty, !constraints.platforms.isEmpty,
            !tool.isOperatingSystem
        else {
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
        case (.zero, .free), (.zero, .donation), (.tight, .free), (.tight, .donation): score += 2
        case (.zero, .freemium), (.tight, .freemium): score += 0.5
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
            !tool.platforms.contains(.windows), !tool.isOperatingSystem
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
        if constraints.budget == .zero || constraints.budget == .tight {
            if tool.cost.model == .freemium, let amount = tool.freeTierUsers, freeTierCovers(tool, constraints) {
                reasons.append(.freeTierCovers(amount, tool.freeTierUnit ?? .accounts))
            } else if !costsMoney(tool, constraints) {
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
