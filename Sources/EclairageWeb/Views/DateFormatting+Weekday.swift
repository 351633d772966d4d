import EclairageDomain

/// Dates of the calendar as people say them: the weekday first ("mardi 17 novembre 2026 à 10 h 00"),
/// with non-breaking spaces inside the time, so that "10 h 00" never breaks across two lines.
extension DateFormatting {
    static let frenchWeekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The weekday of a French day (1970-01-01 was a Thursday).
    static func weekday(of date: Day, language: Language) -> String {
        let index = ((date.number + 4) % 7 + 7) % 7
        return (language == .fr ? frenchWeekdays : englishWeekdays)[index]
    }

    /// "mardi 17 novembre 2026".
    static func weekdayAndDay(_ seconds: Int64, language: Language) -> String {
        let date = parisDay(seconds)
        return weekday(of: date, language: language) + " " + day(of: date, language: language)
    }

    /// "10 h 00" with non-breaking spaces (U+00A0); "10:00" in English.
    static func unbrokenTime(_ seconds: Int64, language: Language) -> String {
        time(seconds, language: language).replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// "mardi 17 novembre 2026 à 10 h 00".
    static func weekdayAndTime(_ seconds: Int64, language: Language) -> String {
        weekdayAndDay(seconds, language: language) + (language == .fr ? " à " : ", ")
            + unbrokenTime(seconds, language: language)
    }
}
