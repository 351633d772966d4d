import EclairageDomain

/// The day an award was made, with its weekday, as people say it: "mardi 17 novembre 2026".
enum BadgeDates {
    static let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let english = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func day(_ seconds: Int64, language: Language) -> String {
        let day = DateFormatting.parisDay(seconds)
        let names = language == .fr ? french : english
        return names[day.isoWeekday - 1] + " " + DateFormatting.day(of: day, language: language)
    }
}
