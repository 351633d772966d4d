/// Where a step of the action plan stands. Closing uses the words public support services use, so that
/// "done without help" and "not reachable" show where the local offer is missing.
public enum PlanStatus: String, Sendable, CaseIterable, Codable {
    case todo, doing
    /// Done with the accompaniment.
    case done
    case doneAlone = "done_alone"
    /// The person or service the step needed could not be reached.
    case unreachable
    case notForUs = "not_for_us"
    /// Given up: the reason is required.
    case abandoned
    /// Closed by the scheduler: nothing moved for months, and a reminder went unanswered.
    case archived

    public var isOpen: Bool { self == .todo || self == .doing }
    public var isDone: Bool { self == .done || self == .doneAlone }
    public var needsReason: Bool { self == .abandoned }
}
