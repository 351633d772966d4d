import EclairageDomain

/// Today and the minute of the day, in Paris.
struct DirectoryClock: Sendable {
    let day: Day
    let minute: Int

    init(_ now: Int64) {
        day = DateFormatting.parisDay(now)
        let (hour, minute) = DateFormatting.clock(now)
        self.minute = hour * 60 + minute
    }

    /// Not updated for six months: the national map drops such places; here they are marked.
    func isStale(_ updatedOn: String) -> Bool {
        guard let updated = Day(iso: updatedOn) else { return true }
        return day - updated > 183
    }
}
