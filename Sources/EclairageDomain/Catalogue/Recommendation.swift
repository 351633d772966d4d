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
        /// A freemium tool whose free tier covers this many people.
        case freeTierCovers(Int)
        case easyToAdopt
        case hostedForYou(String)
        case selfHostWithHelp
        case dataInEU
        case replaces([String])
        /// The association named a tool the catalogue does not know for this need.
        case uncataloguedInUse
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
}
