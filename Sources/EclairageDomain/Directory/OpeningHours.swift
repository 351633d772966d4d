/// Opening hours written in the common subset of OpenStreetMap's `opening_hours` syntax, e.g.
/// `Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off`. Supported: rules separated by `;` (or `||`),
/// weekdays `Mo`…`Su` in ranges and lists, `PH` (French public holidays), time spans up to `24:00`,
/// `off`/`closed`, `24/7`, and rules with times only (every day). A later rule replaces earlier ones
/// on the days it names. Anything else (months, `SH`, comments, `sunrise`, spans past midnight…) is
/// kept as written and marked not understood: `isUnderstood` is false and the queries return nil.
public struct OpeningHours: Sendable, Equatable {
    /// The value as written.
    public let raw: String
    /// The parsed rules, in order; nil when the value is not understood.
    let rules: [OpeningRule]?

    public init(_ raw: String) {
        self.raw = raw
        rules = OpeningHoursParser.parse(raw)
    }

    public var isUnderstood: Bool { rules != nil }

    /// The value rewritten in standard syntax (`mo-fr 9h-12h30` gives `Mo-Fr 09:00-12:30`), rule by rule.
    public var canonical: String? { rules?.map(\.canonical).joined(separator: "; ") }

    /// The opening spans of a day, in minutes since midnight, sorted. The upper bound is the closing
    /// minute (`09:00-12:00` is `540...720`: closed from 12:00). Empty when closed all day.
    public func intervals(on day: Day) -> [ClosedRange<Int>]? {
        spans(weekday: day.isoWeekday - 1, holiday: FrenchHolidays.isHoliday(day))
    }

    /// Whether it is open at a minute (0..<1440) of a day; nil when not understood or minute out of range.
    public func isOpen(day: Day, minute: Int) -> Bool? {
        guard (0..<1440).contains(minute), let spans = intervals(on: day) else { return nil }
        return spans.contains { $0.lowerBound <= minute && minute < $0.upperBound }
    }

    /// The spans on a weekday (0 = Monday … 6 = Sunday), for a public holiday or an ordinary day.
    func spans(weekday: Int, holiday: Bool) -> [ClosedRange<Int>]? {
        guard let rules else { return nil }
        var result: [ClosedRange<Int>] = []
        for rule in rules where rule.applies(weekday: weekday, holiday: holiday) {
            result = rule.spans
        }
        return result
    }
}

/// One rule of a value, e.g. `Mo-Fr 09:00-12:00` or `PH off`.
struct OpeningRule: Sendable, Equatable {
    /// Weekdays named, 0 = Monday … 6 = Sunday; all seven when the rule names no day.
    var weekdays: Set<Int>
    /// Whether the rule names `PH`.
    var holidays: Bool
    /// Opening spans in minutes, sorted and merged; empty means closed.
    var spans: [ClosedRange<Int>]
    /// The rule in standard syntax.
    var canonical: String

    func applies(weekday: Int, holiday: Bool) -> Bool {
        weekdays.contains(weekday) || (holiday && holidays)
    }
}
