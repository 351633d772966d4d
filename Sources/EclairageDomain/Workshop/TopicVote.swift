/// The room's topic vote: the facilitator lists options, each participant votes once. Results are
/// counts and shares of the votes cast, in the order the options were listed.
public enum TopicVote {
    public struct Result: Sendable, Equatable {
        public let option: String
        public let votes: Int
        /// Whole percent of the votes cast (0 when none).
        public let percent: Int
    }

    public enum Refusal: String, Error, Sendable {
        /// This participant voted already.
        case alreadyVoted = "already_voted"
        /// The option is not one of the vote's.
        case unknownOption = "unknown_option"
        /// No vote is open.
        case closed
    }

    /// nil when the ballot may be counted.
    public static func check(option: String, options: [String], alreadyVoted: Bool, open: Bool) -> Refusal? {
        if !open { return .closed }
        if alreadyVoted { return .alreadyVoted }
        if !options.contains(option) { return .unknownOption }
        return nil
    }

    /// Counts per option (`options` in order, `ballots` the option each voter chose).
    public static func tally(options: [String], ballots: [String]) -> [Result] {
        var counts: [String: Int] = [:]
        for ballot in ballots { counts[ballot, default: 0] += 1 }
        let total = ballots.count
        return options.map { option in
            let votes = counts[option] ?? 0
            return Result(option: option, votes: votes, percent: total == 0 ? 0 : (votes * 100 + total / 2) / total)
        }
    }
}
