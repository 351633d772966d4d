import EclairageDomain
import Foundation

/// Dates as people read them ("21 novembre 2026"), in the interface's language, in French time.
/// Written by hand: a DateFormatter costs milliseconds to build and loads the ICU data.
enum DateFormatting {
    static let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// Seconds since 1970 as a clock in France reads them.
    static func localSeconds(_ seconds: Int64) -> Int64 {
        seconds + Int64(paris.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// (hour, minute) in France at `seconds`.
    static func clock(_ seconds: Int64) -> (hour: Int, minute: Int) {
        let local = localSeconds(seconds)
        let minutes = Int(local.floorDivided(by: 60) - local.floorDivided(by: 86_400) * 1440)
        return (minutes / 60, minutes % 60)
    }

    static func day(_ seconds: Int64, language: Language) -> String {
        let (year, month, day) = parisDay(seconds).civil
        return language == .fr
            ? "\(day == 1 ? "1er" : String(day)) \(frenchMonths[month - 1]) \(year)"
            : "\(day) \(englishMonths[month - 1]) \(year)"
    }

    /// The day and the time, to tell apart two diagnostics of one day ("2 décembre 2026 à 14 h 05").
    static func dayAndTime(_ seconds: Int64, language: Language) -> String {
        language == .fr ? "\(day(seconds, language: language)) à \(time(seconds, language: language))" : "\(day(seconds, language: language)), \(time(seconds, language: language))"
    }

    /// The time of day in France ("14 h 05", "14:05").
    static func time(_ seconds: Int64, language: Language) -> String {
        let (hour, minute) = clock(seconds)
        let twoDigits = minute < 10 ? "0\(minute)" : "\(minute)"
        return language == .fr ? "\(hour) h \(twoDigits)" : "\(hour):\(twoDigits)"
    }

    /// The day it is in France at `seconds` (deadlines and "checked today" follow French days).
    static func parisDay(_ seconds: Int64) -> Day {
        Day(number: Int(localSeconds(seconds).floorDivided(by: 86_400)))
    }

    /// "2026-12-02T14:05" in French time, as a `datetime-local` field shows it.
    static func localInput(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        let (hour, minute) = clock(seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parisDay(seconds).iso)T\(two(hour)):\(two(minute))"
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
