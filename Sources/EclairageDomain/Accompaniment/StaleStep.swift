/// An open step of the plan that has not moved: after three months the association is reminded; a
/// month after the reminder, if still nothing moved, the step is archived (closed, not done). Any
/// update in between starts the count again.
public enum StaleStep {
    public static let remindAfter: Int64 = 90 * 86_400
    public static let archiveAfter: Int64 = 30 * 86_400

    public enum Decision: Sendable, Equatable { case none, remind, archive }

    public static func decide(updatedAt: Int64, remindedAt: Int64?, now: Int64) -> Decision {
        if let remindedAt { return remindedAt >= updatedAt && now - remindedAt >= archiveAfter ? .archive : .none }
        return now - updatedAt >= remindAfter ? .remind : .none
    }
}
