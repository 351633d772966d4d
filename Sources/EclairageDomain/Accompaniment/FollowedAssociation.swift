/// What an advisor's dashboard knows of one association that granted access, and why it may need
/// attention. Sorting puts first what needs attention most; the reasons are shown, never a score.
public struct FollowedAssociation: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        /// Asked for help and no advisor has opened it yet.
        case newRequest = "new_request"
        case overdueSteps = "overdue_steps"
        /// The latest diagnostic's overall score fell compared to the one before.
        case falling
        case noDiagnostic = "no_diagnostic"
        /// No note for three months (or never) while steps are open.
        case noContact = "no_contact"
    }

    public let id: String
    public let name: String
    public let unseenRequest: Bool
    public let latest: ScoreSummary?
    public let previous: ScoreSummary?
    public let openSteps: Int
    public let overdueSteps: Int
    public let lastContact: Day?

    public init(
        id: String, name: String, unseenRequest: Bool, latest: ScoreSummary?, previous: ScoreSummary?,
        openSteps: Int, overdueSteps: Int, lastContact: Day?
    ) {
        self.id = id
        self.name = name
        self.unseenRequest = unseenRequest
        self.latest = latest
        self.previous = previous
        self.openSteps = openSteps
        self.overdueSteps = overdueSteps
        self.lastContact = lastContact
    }

    public func reasons(today: Day) -> [Reason] {
        var reasons: [Reason] = []
        if unseenRequest { reasons.append(.newRequest) }
        if overdueSteps > 0 { reasons.append(.overdueSteps) }
        if let latest = latest?.overall, let previous = previous?.overall, latest < previous {
            reasons.append(.falling)
        }
        if latest == nil { reasons.append(.noDiagnostic) }
        if openSteps > 0, lastContact.map({ today - $0 > 90 }) ?? true { reasons.append(.noContact) }
        return reasons
    }

    /// Most reasons first, then the weightier reason (the order of `Reason`), then the oldest contact,
    /// then the name.
    public static func byAttention(_ list: [FollowedAssociation], today: Day) -> [FollowedAssociation] {
        let weighted = list.map { item -> (FollowedAssociation, [Int]) in
            let reasons = item.reasons(today: today)
            let order = Reason.allCases
            return (item, [-reasons.count, reasons.map { order.firstIndex(of: $0) ?? 0 }.min() ?? order.count])
        }
        return weighted.sorted { a, b in
            if a.1 != b.1 { return a.1.lexicographicallyPrecedes(b.1) }
            let contactA = a.0.lastContact?.number ?? Int.min
            let contactB = b.0.lastContact?.number ?? Int.min
            if contactA != contactB { return contactA < contactB }
            return a.0.name.localizedStandardCompare(b.0.name) == .orderedAscending
        }.map(\.0)
    }
}
