/// A piece of advice for one need: keep what works; adjust how a tool in use is used when the answers
/// flag a risk that concerns it (with a fitting tool as the other path); or one suggested option with
/// two alternatives. Each with the reasons and what switching would cost.
public struct Recommendation: Sendable, Equatable {
    public enum Advice: Sendable, Equatable {
        case keep(Tool)
        /// The tool in use fits, but a flagged risk concerns it: change how it is used, or switch.
        case adjust(Tool)
        case suggest(Tool)

        public var tool: Tool {
            switch self {
            case .keep(let tool), .adjust(let tool), .suggest(let tool): tool
            }
        }
    }

    /// Why this option: each reason is shown in plain words on the report.
    public enum Reason: Sendable, Equatable {
        case alreadyUsed(String)
        case answersPointHere
        case freeSoftware
        case fitsZeroBudget
        /// A freemium tool whose free tier covers the association: so many of its unit.
        case freeTierCovers(Int, Tool.FreeTierUnit)
        /// A need only ever met by paying, with little or no budget: what buying it costs (`Need.bought`).
        case bought(String)
        case easyToAdopt
        case hostedForYou(String)
        case selfHostWithHelp
        case dataInEU
        case replaces([String])
        /// The association named a tool the catalogue does not know for this need.
        case uncataloguedInUse
        /// Backup advice: documents written in these online editors live only there; a copy of folders
        /// does not hold them, they must be exported.
        case documentsOnlyOnline([String])
    }

    /// A flagged risk about the tool in use (`risk` is the answers' tag; `practice`, what to change
    /// in how the tool is used).
    public struct Concern: Sendable, Equatable {
        public let risk: String
        public let practice: String
    }

    /// The real cost of switching: time and learning (from the difficulty), money, habits.
    public struct SwitchingCost: Sendable, Equatable {
        public let effort: Int
        public let money: String
        public let replacing: [String]
        public let note: String
    }

    public let need: Need
    public let advice: Advice
    public let reasons: [Reason]
    public let alternatives: [Tool]
    public let switching: SwitchingCost?
    public var concerns: [Concern] = []
    /// The alternatives of a kept tool are available, not pushed: shown under a fold.
    public var alternativesFolded = false

    public init(
        need: Need, advice: Advice, reasons: [Reason], alternatives: [Tool], switching: SwitchingCost?,
        concerns: [Concern] = [], alternativesFolded: Bool = false
    ) {
        self.need = need
        self.advice = advice
        self.reasons = reasons
        self.alternatives = alternatives
        self.switching = switching
        self.concerns = concerns
        self.alternativesFolded = alternativesFolded
    }

    /// "À savoir": what the advised tool does not do well, and what the hosted offer it comes with
    /// does not commit to; for a tool kept, what keeping it costs (`keeping`).
    public var toKnow: [String] {
        guard case .suggest(let tool) = advice else { return [] }
        return [tool.limits] + tool.hostedOffers.prefix(1).compactMap(\.limits)
    }

    /// What keeping the tool in use costs: data kept outside the EU, dependence on a publisher, money.
    public struct KeepingCost: Sendable, Equatable {
        public let dataOutsideEU: Bool
        public let lockIn: Bool
        public let money: String?
    }

    public var keeping: KeepingCost? {
        guard case .keep(let tool) = advice else { return nil }
        return KeepingCost(
            dataOutsideEU: tool.dataLocation == .outsideEU, lockIn: !tool.freeSoftware,
            money: tool.cost.model == .free ? nil : tool.cost.range)
    }
}
