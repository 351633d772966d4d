/// How a freed seat goes to the waiting list. The first person waiting is offered the seat until a
/// deadline: 24 hours, shorter as the session nears so that the offer always ends before its last
/// day; within that last day there is no time to wait for an answer, and the seat goes straight to
/// the next person, who is told.
public enum SeatPolicy {
    public static let day: Int64 = 86_400

    public enum Decision: Sendable, Equatable {
        /// Offer the seat until this time.
        case offer(until: Int64)
        /// Give the seat at once.
        case confirm
    }

    public static func decision(now: Int64, sessionStart: Int64) -> Decision {
        let left = sessionStart - now
        guard left > day else { return .confirm }
        return .offer(until: now + min(day, left - day))
    }

    /// Recurrence of a training's sessions: `count` sessions `every` days apart (7 weekly, 14 fortnightly).
    /// Values outside what a form accepts (a day, a year of weekly sessions) give no session rather
    /// than an overflow.
    public static func recurrence(firstStart: ParisTime, durationMinutes: Int, every days: Int, count: Int) -> [(
        start: Int64, end: Int64
    )] {
        guard (1...(24 * 60)).contains(durationMinutes), (1...366).contains(days), (1...52).contains(count) else {
            return []
        }
        return (0..<count).compactMap { index in
            let day = Day(number: firstStart.date.number + index * days)
            let (y, m, d) = day.civil
            guard let local = ParisTime(year: y, month: m, day: d, hour: firstStart.hour, minute: firstStart.minute)
            else { return nil }
            return (local.unixTime, local.unixTime + Int64(durationMinutes) * 60)
        }
    }
}
