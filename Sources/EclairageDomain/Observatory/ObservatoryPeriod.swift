/// The span of time an observatory figure covers: a calendar year, a quarter (1 to 4) or a month
/// (1 to 12). There are no free date ranges, so every period sits inside exactly one larger one:
/// a month in its quarter, a quarter in its year.
public enum ObservatoryPeriod: Hashable, Sendable, Comparable {
    case year(Int)
    case quarter(Int, Int)
    case month(Int, Int)

    /// The period that directly contains this one, or nil for a year.
    public var parent: ObservatoryPeriod? {
        switch self {
        case .year: nil
        case .quarter(let year, _): .year(year)
        case .month(let year, let month): .quarter(year, (month - 1) / 3 + 1)
        }
    }

    /// By year, then the year itself before its quarters before its months, then by number.
    public static func < (lhs: ObservatoryPeriod, rhs: ObservatoryPeriod) -> Bool {
        lhs.order < rhs.order
    }

    private var order: (Int, Int, Int) {
        switch self {
        case .year(let year): (year, 0, 0)
        case .quarter(let year, let quarter): (year, 1, quarter)
        case .month(let year, let month): (year, 2, month)
        }
    }
}
