import EclairageDomain

extension DiagnosticReportPage.Model {
    /// One recommendation as the report shows it, in plain words.
    struct Recommendation: Sendable, Equatable {
        let needName: String
        let needLink: String
        let keep: Bool
        let headline: String
        let toolLink: String
        var reasons: String
        let alternatives: [ToolView]
        var switching: String?
        let switchingLabel: String
        var switchingNote: String?
        /// Flagged risks about the need's tool: what the answers say, and what to change without switching.
        let concerns: [String]
        let hasConcerns: Bool
        /// "À savoir": the suggested tool's limits and its hosted offer's, or what keeping a tool costs.
        var toKnow: [String]
        /// A kept tool's free alternatives are offered under a fold, not pushed.
        let alternativesFolded: Bool
        let reference: String
        /// Already kept for the association's action plan.
        var saved = false

        init(_ recommendation: EclairageDomain.Recommendation, views: Views, context: AppRequestContext) {
            let tool = recommendation.advice.tool
            needName = recommendation.need.name
            needLink = SiteURL.need(recommendation.need.id).path
            toolLink = SiteURL.tool(tool.slug).path
            switch recommendation.advice {
            case .keep:
                keep = true
                headline = views.text("reco.keep", context, ["tool": tool.name])
            case .adjust:
                keep = false
                headline = views.text("reco.adjust", context, ["tool": tool.name])
            case .suggest:
                keep = false
                headline = views.text("reco.suggest", context, ["tool": tool.name])
            }
            concerns = recommendation.concerns.map(\.practice)
            hasConcerns = !concerns.isEmpty
            toKnow =
                recommendation.toKnow
                + (recommendation.keeping.flatMap { cost -> [String]? in
                    let parts =
                        (cost.dataOutsideEU ? [views.text("reco.keeping.data", context)] : [])
                        + (cost.lockIn ? [views.text("reco.keeping.lock_in", context)] : [])
                        + (cost.money.map { [views.text("reco.keeping.money", context, ["range": $0])] } ?? [])
                    return parts.isEmpty
                        ? nil : [views.text("reco.keeping", context, ["parts": parts.joined(separator: " ; ")])]
                } ?? [])
            alternativesFolded = recommendation.alternativesFolded && !recommendation.alternatives.isEmpty
            switchingLabel =
                if case .suggest = recommendation.advice {
                    views.text("reco.switch", context)
                } else if let other = recommendation.alternatives.first {
                    views.text("reco.switch_to", context, ["tool": other.name])
                } else { views.text("reco.switch", context) }
            reasons = recommendation.reasons.map { reason -> String in
                switch reason {
                case .alreadyUsed(let name):
                    recommendation.concerns.isEmpty
                        ? views.text("reco.reason.already_used", context, ["tool": name])
                        : views.text("reco.reason.already_used_adjust", context, ["tool": name])
                case .answersPointHere: views.text("reco.reason.answers", context)
                case .freeSoftware: views.text("reco.reason.free_software", context)
                case .fitsZeroBudget: views.text("reco.reason.zero_budget", context)
                case .freeTierCovers(let amount, .accounts):
                    views.text("reco.reason.free_tier", context, ["n": "\(amount)"])
                case .freeTierCovers(let amount, let unit):
                    views.text("reco.reason.free_tier.\(unit.rawValue)", context, ["n": "\(amount)"])
                case .bought(let note): note
                case .uncataloguedInUse: views.text("reco.reason.uncatalogued", context)
                case .documentsOnlyOnline(let names):
                    views.text("reco.reason.online_documents", context, ["tools": names.joined(separator: ", ")])
                case .easyToAdopt: views.text("reco.reason.easy", context)
                case .hostedForYou(let host): views.text("reco.reason.hosted", context, ["host": host])
                case .selfHostWithHelp: views.text("reco.reason.self_host", context)
                case .dataInEU: views.text("reco.reason.eu", context)
                case .replaces(let names):
                    views.text("reco.reason.replaces", context, ["tools": names.joined(separator: ", ")])
                }
            }.joined(separator: " ")
            alternatives = recommendation.alternatives.map { ToolView($0, views: views, context: context) }
            switching = recommendation.switching.map { cost in
                var parts = [
                    views.text("reco.effort.\(cost.effort)", context),
                    views.text("reco.money", context, ["range": cost.money]),
                ]
                if !cost.replacing.isEmpty {
                    parts.append(views.text("reco.habits", context, ["tools": cost.replacing.joined(separator: ", ")]))
                }
                return parts.joined(separator: " ")
            }
            switchingNote = recommendation.switching?.note
            reference = "\(recommendation.need.id):\(tool.slug)"
        }
    }
}

extension DiagnosticReportPage.Model.Recommendation {
    /// The same pieces of advice without a sentence an earlier one already said (a tool advised for two
    /// needs, the same effort or the same reason): the report says each thing once.
    static func sayingEachThingOnce(_ items: [Self]) -> [Self] {
        var said = Set<String>()
        func fresh(_ text: String) -> String {
            let kept = sentences(text).filter { said.insert($0).inserted }
            return kept.joined(separator: " ")
        }
        return items.map { item in
            var item = item
            item.reasons = fresh(item.reasons)
            item.toKnow = item.toKnow.map(fresh).filter { !$0.isEmpty }
            item.switching = item.switching.map(fresh).flatMap { $0.isEmpty ? nil : $0 }
            item.switchingNote = item.switchingNote.map(fresh).flatMap { $0.isEmpty ? nil : $0 }
            return item
        }
    }

    /// A text's sentences: cut after a full stop, question or exclamation mark followed by a space.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character == " ", let end = previous, ".!?".contains(end) {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
