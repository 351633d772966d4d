/// A piece of advice for one need: keep what works, or one suggested option with two alternatives,
/// each with the reasons and what switching would cost.
public struct Recommendation: Sendable, Equatable {
    public enum Advice: Sendable, Equatable {
        case keep(Tool)
        case suggest(Tool)

        public var tool: Tool { switch self { case .keep(let tool), .suggest(let tool): tool } }
    }

    /// Why this option: each reason is shown in plain words on the report.
    public enum Reason: Sendable, Equatable {
        case alreadyUsed(String)
        case answersPointHere
        case freeSoftware
        case fitsZeroBudget
        case easyToAdopt
        case hostedForYou(String)
        case selfHostWithHelp
        case dataInEU
        case replaces([String])
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
}
