import Foundation

/// Dates as people read them, in the interface's language.
enum DateFormatting {
    static func day(_ seconds: Int64, language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
        formatter.dateStyle = .long
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
