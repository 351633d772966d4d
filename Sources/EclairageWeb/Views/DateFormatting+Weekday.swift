import EclairageDomain

/// Dates of the calendar as people say them: the weekday first ("mardi 17 novembre 2026 à 10 h 00"),
/// with non-breaking spaces inside the time, so that "10 h 00" never breaks across two lines.
extension DateFormatting {
    static let frenchWeekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The weekday of a French day (the domain's ISO weekday: 7 is Sunday, first in the lists).
    static func weekday(of date: Day, language: Language) -> String {
        (language == .fr ? frenchWeekdays : englishWeekdays)[date.isoWeekday % 7]
    }

    /// "mardi 17 novembre 2026".
    static func weekdayAndDay(_ seconds: Int64, language: Language) -> String {
        let date = parisDay(seconds)
        return weekday(of: date, language: language) + " " + day(of: date, language: language)
    }

    /// "mardi 17 novembre 2026 à 10 h 00" (the time with its no-break spaces, as `time` writes it).
    static func weekdayAndTime(_ seconds: Int64, language: Language) -> String {
        weekday(of: parisDay(seconds), language: language) + " " + dayAndTime(seconds, language: language)
    }
}
