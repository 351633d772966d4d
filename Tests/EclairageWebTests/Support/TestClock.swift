import EclairageDomain

@testable import EclairageWeb

/// The instants tests start at. A test's clock is stopped (`TimeSource.manual(at:)`) and moves only
/// with `app.advance`, so dates, times and "open now" come out the same on every run.
enum TestClock {
    /// Tuesday 17 November 2026, 10:00 in Paris (09:00 UTC): a working morning, winter time.
    static let tuesdayMorning = ParisTime(year: 2026, month: 11, day: 17, hour: 10, minute: 0)!.unixTime
    /// Saturday 27 March 2027, 23:30 in Paris (22:30 UTC): summer time begins 90 minutes later,
    /// when clocks go from 02:00 to 03:00 (01:00 UTC).
    static let beforeSummerTime = ParisTime(year: 2027, month: 3, day: 27, hour: 23, minute: 30)!.unixTime
}

extension TimeSource {
    /// A stopped clock at the tests' usual instant (`TestClock.tuesdayMorning`).
    static func manual() -> (TimeSource, advance: @Sendable (Int64) -> Void) {
        manual(at: TestClock.tuesdayMorning)
    }
}
