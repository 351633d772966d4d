import EclairageDomain
import Foundation

/// Dates as people read them ("21 novembre 2026"), in the interface's language, in French time.
/// Written by hand: a DateFormatter costs milliseconds to build and loads the ICU data. French time
/// comes from `ParisTime` alone (its rules need no time-zone database).
enum DateFormatting {
    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// (hour, minute) in France at `seconds`.
    static func clock(_ seconds: Int64) -> (hour: Int, minute: Int) {
        let local = ParisTime(unixTime: seconds)
        return (local.hour, local.minute)
    }

    static func day(_ seconds: Int64, language: Language) -> String {
        day(of: parisDay(seconds), language: language)
    }

    /// A calendar day ("1er décembre 2026").
    static func day(of date: Day, language: Language) -> String {
        let (year, month, day) = date.civil
        return language == .fr
            ? "\(day == 1 ? "1er" : String(day)) \(frenchMonths[month - 1]) \(year)"
            : "\(day) \(englishMonths[month - 1]) \(year)"
    }

    /// A day the forms keep as ISO ("2027-01-01"), in words ("1er janvier 2027"); text that is not a
    /// valid day comes back as it is.
    static func day(iso text: String, language: Language) -> String {
        Day(iso: text).map { day(of: $0, language: language) } ?? text
    }

    /// The day and the time, to tell apart two diagnostics of one day ("2 décembre 2026 à 14 h 05").
    static func dayAndTime(_ seconds: Int64, language: Language) -> String {
        language == .fr
            ? "\(day(seconds, language: language)) à \(time(seconds, language: language))"
            : "\(day(seconds, language: language)), \(time(seconds, language: language))"
    }

    /// A year, a quarter or a month in words: "2026", "T2 2026" (English "Q2 2026"), "mars 2026".
    static func period(_ period: ObservatoryPeriod, language: Language) -> String {
        let french = language == .fr
        return switch period {
        case .year(let year): "\(year)"
        case .quarter(let year, let quarter): (french ? "T\(quarter) " : "Q\(quarter) ") + "\(year)"
        case .month(let year, let month): "\((french ? frenchMonths : englishMonths)[month - 1]) \(year)"
        }
    }

    /// A length of time ("12 h 05"), the same in both languages, with no-break spaces: a time never
    /// breaks inside itself at the end of a line.
    static func duration(minutes: Int) -> String {
        let m = minutes % 60
        return "\(minutes / 60)\u{A0}h\u{A0}\(m < 10 ? "0" : "")\(m)"
    }

    /// The time of day in France ("14 h 05" with no-break spaces, "14:05").
    static func time(_ seconds: Int64, language: Language) -> String {
        let (hour, minute) = clock(seconds)
        let twoDigits = minute < 10 ? "0\(minute)" : "\(minute)"
        return language == .fr ? "\(hour)\u{A0}h\u{A0}\(twoDigits)" : "\(hour):\(twoDigits)"
    }

    /// The day it is in France at `seconds` (deadlines and "checked today" follow French days).
    static func parisDay(_ seconds: Int64) -> Day {
        ParisTime(unixTime: seconds).date
    }

    /// The instant a French day begins (its midnight in Paris).
    static func parisMidnight(_ day: Day) -> Int64 {
        let (y, m, d) = day.civil
        return ParisTime(year: y, month: m, day: d, hour: 0, minute: 0)?.unixTime ?? Int64(day.number) * 86_400
    }

    /// "2026-12-02T14:05" in French time, as a `datetime-local` field shows it.
    static func localInput(_ date: Date) -> String {
        ParisTime(unixTime: Int64(date.timeIntervalSince1970)).dateTimeLocal
    }
}
