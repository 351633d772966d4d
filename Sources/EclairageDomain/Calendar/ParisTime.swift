/// A clock reading in France (Europe/Paris): what a wall clock in Tours shows at a given instant,
/// and back. Written by hand, without `TimeZone`, so that it gives the same answer on every server.
///
/// The rule is the European one, in force since 1996: summer time (CEST, UTC+2) from the last Sunday
/// of March at 01:00 UTC to the last Sunday of October at 01:00 UTC; winter time (CET, UTC+1) the
/// rest of the year. It is applied to every year, so dates before 1996 may be an hour off (France then
/// ended summer time in September); if the EU ever drops the change of hour, this file is the one to edit.
///
/// Local to UTC (`unixTime`) follows RFC 5545 §3.3.5, the rule calendar applications use to read
/// `DTSTART;TZID=…`, so a form and a calendar always agree:
/// - a time in the spring gap (2027-03-28 02:30 does not exist) is read with the offset in force
///   before the gap (+01:00), i.e. 01:30 UTC, which clocks show as 03:30;
/// - a time of the doubled autumn hour (2027-10-31 02:30 happens twice) is the first one (+02:00).
public struct ParisTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int
    public let hour: Int, minute: Int, second: Int

    /// A valid clock reading, or nil (2027-02-30, 24:00 and 10:60 are nil). It may lie in the spring gap.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (
            year, month, day, hour, minute, second
        )
    }

    /// The clock in France at a Unix time (seconds since 1970, UTC). Every Paris date and time the
    /// site shows comes from here (never from `TimeZone`, whose database a statically linked server may lack).
    public init(unixTime: Int64) {
        self.init(wallClock: unixTime + Self.offset(atUnixTime: unixTime))
    }

    /// The reading whose fields, counted as if they were UTC, make `seconds` since 1970: a wall-clock
    /// time without its offset ("2027-03-28T10:00" is 1_806_228_000). `unixTime` then gives the instant.
    public init(wallClock seconds: Int64) {
        let date = Day(unixTime: seconds)
        let (year, month, day) = date.civil
        let rest = Int(seconds - Int64(date.number) * 86_400)
        (self.year, self.month, self.day) = (year, month, day)
        (hour, minute, second) = (rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// "2027-03-28T10:00" (or with ":SS") as a `datetime-local` field sends it, or nil.
    public init?(dateTimeLocal text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3,
            clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = clock.count == 3 ? Int(clock[2]) : 0
        else { return nil }
        let (y, m, d) = day.civil
        self.init(year: y, month: m, day: d, hour: hour, minute: minute, second: second)
    }

    /// The instant this reading stands for, in Unix seconds (UTC); see the type's note for the gap
    /// and the doubled hour.
    public var unixTime: Int64 {
        let asIfUTC = Int64(date.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let summer = asIfUTC - 7200
        let winter = asIfUTC - 3600
        if Self.offset(atUnixTime: summer) == 7200 { return summer }  // summer time, or the first of the doubled hour
        return winter  // winter time, or the spring gap read with the winter offset
    }

    /// Seconds to add to UTC to read a French clock: 3600 in winter, 7200 in summer.
    public static func offset(atUnixTime time: Int64) -> Int64 {
        let (year, _, _) = Day(unixTime: time).civil
        let (begins, ends) = summerTime(year: year)
        return time >= begins && time < ends ? 7200 : 3600
    }

    /// The Unix times at which summer time begins and ends in `year` (last Sundays of March and
    /// October, 01:00 UTC).
    public static func summerTime(year: Int) -> (begins: Int64, ends: Int64) {
        func lastSunday(month: Int) -> Int64 {
            let last = Day.days(year: year, month: month, day: 31)  // March and October have 31 days
            let weekday = ((last + 4) % 7 + 7) % 7  // 0 = Sunday; 1970-01-01 was a Thursday
            return Int64(last - weekday) * 86_400 + 3600
        }
        return (lastSunday(month: 3), lastSunday(month: 10))
    }

    /// The calendar day of this reading.
    public var date: Day { Day(number: Day.days(year: year, month: month, day: day)) }

    /// "2027-03-28 10:00" (seconds shown only when not zero).
    public var description: String {
        "\(date.iso) \(Self.two(hour)):\(Self.two(minute))" + (second == 0 ? "" : ":\(Self.two(second))")
    }

    /// "2027-03-28T10:00" as a `datetime-local` field shows it (to the minute).
    public var dateTimeLocal: String { "\(date.iso)T\(Self.two(hour)):\(Self.two(minute))" }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static func < (a: ParisTime, b: ParisTime) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }
}
