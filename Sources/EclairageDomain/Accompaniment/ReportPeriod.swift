/// A period a report covers: a month, a quarter or a year, in French time (no free date ranges).
/// Written as "2026", "2026-T4" or "2026-11".
public struct ReportPeriod: Sendable, Hashable {
    public enum Kind: String, Sendable { case year, quarter, month }

    public let kind: Kind
    public let year: Int
    /// 1–4 for a quarter, 1–12 for a month, 0 for a year.
    public let part: Int

    public init?(_ text: String) {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = pieces.first, first.count == 4, let year = Int(first), (2000...2100).contains(year)
        else { return nil }
        switch pieces.count {
        case 1: (kind, part) = (.year, 0)
        case 2 where pieces[1].count == 2 && pieces[1].first == "T":
            guard let q = Int(pieces[1].dropFirst()), (1...4).contains(q) else { return nil }
            (kind, part) = (.quarter, q)
        case 2 where pieces[1].count == 2:
            guard let m = Int(pieces[1]), (1...12).contains(m) else { return nil }
            (kind, part) = (.month, m)
        default: return nil
        }
        self.year = year
    }

    /// The first day, and the day after the last.
    public var days: (first: Day, end: Day) {
        func day(_ y: Int, _ m: Int) -> Day { Day(number: Day.days(year: y, month: m, day: 1)) }
        switch kind {
        case .year: return (day(year, 1), day(year + 1, 1))
        case .quarter:
            let month = (part - 1) * 3 + 1
            return (day(year, month), part == 4 ? day(year + 1, 1) : day(year, month + 3))
        case .month: return (day(year, part), part == 12 ? day(year + 1, 1) : day(year, part + 1))
        }
    }

    /// The same period as the observatory names it.
    public var observatoryPeriod: ObservatoryPeriod {
        switch kind {
        case .year: .year(year)
        case .quarter: .quarter(year, part)
        case .month: .month(year, part)
        }
    }

    public var text: String {
        switch kind {
        case .year: "\(year)"
        case .quarter: "\(year)-T\(part)"
        case .month: "\(year)-\(part < 10 ? "0" : "")\(part)"
        }
    }

    /// The periods to offer on `today`: this year and the two before, the last four quarters, the last
    /// twelve months, newest first.
    public static func recent(today: Day) -> [ReportPeriod] {
        let (y, m, _) = today.civil
        let years = (0..<3).compactMap { ReportPeriod("\(y - $0)") }
        let quarters = (0..<4).compactMap { back -> ReportPeriod? in
            let index = (y * 4 + (m - 1) / 3) - back
            return ReportPeriod("\(index / 4)-T\(index % 4 + 1)")
        }
        let months = (0..<12).compactMap { back -> ReportPeriod? in
            let index = y * 12 + (m - 1) - back
            let month = index % 12 + 1
            return ReportPeriod("\(index / 12)-\(month < 10 ? "0" : "")\(month)")
        }
        return years + quarters + months
    }
}
