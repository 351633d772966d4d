/// A calendar day as the forms send it (`2027-03-31`), counted in days since 1970-01-01 (UTC), so that
/// "expires in 30 days" needs no calendar library. Days from civil dates after Howard Hinnant's
/// well-known algorithm.
public struct Day: Sendable, Equatable, Comparable, Hashable {
    public let number: Int

    public init(number: Int) { self.number = number }

    /// A valid ISO day, or nil ("2027-02-30" is nil).
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1900...2200).contains(y), (1...12).contains(m), (1...Self.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        number = Self.days(year: y, month: m, day: d)
    }

    /// The day of a Unix time (UTC).
    public init(unixTime: Int64) { number = Int((unixTime >= 0 ? unixTime : unixTime - 86_399) / 86_400) }

    public var iso: String {
        let (y, m, d) = civil
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }
    public static func - (a: Day, b: Day) -> Int { a.number - b.number }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day).
    public var civil: (Int, Int, Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
