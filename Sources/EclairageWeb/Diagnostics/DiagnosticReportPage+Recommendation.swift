import EclairageDomain

extension DiagnosticReportPage.Model {
    /// One recommendation as the report shows it, in plain words.
    struct Recommendation: Sendable {
        let needName: String
        let needLink: String
        let keep: Bool
        let headline: String
        let toolLink: String
        let reasons: String
        let alternatives: [ToolView]
        let switching: String?
        let switchingLabel: String
        let switchingNote: String?
        /// Flagged risks about the need's tool: what the answers say, and what to change without switching.
        let concerns: [String]
        let hasConcerns: Bool
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
            switchingLabel =
                if case .adjust = recommendation.advice, let other = recommendation.alternatives.first {
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
                case .freeTierCovers(let users): views.text("reco.reason.free_tier", context, ["n": "\(users)"])
                case .uncataloguedInUse: views.text("reco.reason.uncatalogued", context)
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
