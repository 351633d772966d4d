/// A support body's activity over a period, for its funders and annual report: associations
/// accompanied and new, plan steps closed by how they closed and by theme, time spent by advisors and
/// by volunteers, and its own sessions with their attendance. Only the body's own data: associations
/// that withdrew are gone from the grants, and nothing of theirs is counted; accompaniments the body
/// closed itself count as closed (and as accompanied while they lasted).
public struct BodyActivity: Sendable, Equatable {
    public struct ClosedStep: Sendable, Equatable {
        public let status: PlanStatus
        /// The theme of the report's step it came from; nil for steps written by hand or kept tools.
        public let theme: String?
        public let volunteerMinutes: Int
        public let advisorMinutes: Int

        public init(status: PlanStatus, theme: String?, volunteerMinutes: Int, advisorMinutes: Int) {
            self.status = status
            self.theme = theme
            self.volunteerMinutes = volunteerMinutes
            self.advisorMinutes = advisorMinutes
        }
    }

    public struct Session: Sendable, Equatable {
        public let cancelled: Bool
        public let registered: Int
        public let attended: Int

        public init(cancelled: Bool, registered: Int, attended: Int) {
            self.cancelled = cancelled
            self.registered = registered
            self.attended = attended
        }
    }

    /// An accompaniment the body closed: when it began and when it was closed.
    public struct Closing: Sendable, Equatable {
        public let grantedAt: Int64
        public let closedAt: Int64

        public init(grantedAt: Int64, closedAt: Int64) {
            self.grantedAt = grantedAt
            self.closedAt = closedAt
        }
    }

    public let accompanied: Int
    public let new: Int
    public let closed: Int
    public let byStatus: [(status: PlanStatus, count: Int)]
    public let byTheme: [(theme: String, count: Int)]
    public let advisorMinutes: Int
    public let volunteerMinutes: Int
    public let sessionsHeld: Int
    public let sessionsCancelled: Int
    public let registered: Int
    public let attended: Int

    /// `grantedAt`: when each current grant began (those begun by the period's end count as accompanied);
    /// `noteMinutes`: the minutes of the body's notes dated in the period; `closings`: the accompaniments
    /// the body closed (those closed before the period or begun after it do not count).
    public static func of(
        grantedAt: [Int64], periodStart: Int64, periodEnd: Int64, steps: [ClosedStep], noteMinutes: [Int],
        sessions: [Session], closings: [Closing] = []
    ) -> BodyActivity {
        let lasted = closings.filter { $0.grantedAt < periodEnd && $0.closedAt >= periodStart }
        let statuses = PlanStatus.allCases.filter { !$0.isOpen }.map { status in
            (status: status, count: steps.filter { $0.status == status }.count)
        }
        let themes = Dictionary(grouping: steps.compactMap(\.theme), by: { $0 }).map { ($0.key, $0.value.count) }
            .sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        let held = sessions.filter { !$0.cancelled }
        return BodyActivity(
            accompanied: grantedAt.filter { $0 < periodEnd }.count + lasted.count,
            new: (grantedAt + lasted.map(\.grantedAt)).filter { $0 >= periodStart && $0 < periodEnd }.count,
            closed: lasted.filter { $0.closedAt < periodEnd }.count,
            byStatus: statuses, byTheme: themes.map { (theme: $0.0, count: $0.1) },
            advisorMinutes: noteMinutes.reduce(0, +) + steps.map(\.advisorMinutes).reduce(0, +),
            volunteerMinutes: steps.map(\.volunteerMinutes).reduce(0, +),
            sessionsHeld: held.count, sessionsCancelled: sessions.count - held.count,
            registered: held.map(\.registered).reduce(0, +), attended: held.map(\.attended).reduce(0, +))
    }

    public static func == (a: BodyActivity, b: BodyActivity) -> Bool {
        a.accompanied == b.accompanied && a.new == b.new && a.closed == b.closed
            && a.byStatus.map(\.count) == b.byStatus.map(\.count)
            && a.byTheme.map(\.theme) == b.byTheme.map(\.theme) && a.byTheme.map(\.count) == b.byTheme.map(\.count)
            && a.advisorMinutes == b.advisorMinutes && a.volunteerMinutes == b.volunteerMinutes
            && a.sessionsHeld == b.sessionsHeld && a.sessionsCancelled == b.sessionsCancelled
            && a.registered == b.registered && a.attended == b.attended
    }
}
