/// Opening hours chosen in a grid (days × two time ranges), written in the OpenStreetMap syntax the
/// schema's `horaires` column takes: days with the same ranges are grouped, three or more in a row
/// as a span (`Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00`). Works without any script.
public enum OpeningHoursGrid {
    public static let days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    public static let slots = 2

    /// `week[day]` holds each slot's (from, to) as typed ("09:00", "9:00", "9h", "9h30"); a slot
    /// with both ends empty is left out. Nil when the grid is empty. A time that cannot be read is
    /// written as typed, so the hours' check names it.
    public static func osm(_ week: [[(from: String, to: String)]]) -> String? {
        let ranges: [String] = week.map { slots in
            slots.compactMap { slot -> String? in
                let (from, to) = (
                    slot.from.trimmingCharacters(in: .whitespaces), slot.to.trimmingCharacters(in: .whitespaces)
                )
                if from.isEmpty && to.isEmpty { return nil }
                return "\(time(from) ?? from)-\(time(to) ?? to)"
            }.joined(separator: ",")
        }
        var rules: [String] = []
        var day = 0
        while day < ranges.count {
            guard !ranges[day].isEmpty else {
                day += 1
                continue
            }
            var end = day
            while end + 1 < ranges.count, ranges[end + 1] == ranges[day] { end += 1 }
            let names =
                end - day >= 2
                ? "\(days[day])-\(days[end])" : (day...end).map { days[$0] }.joined(separator: ",")
            rules.append("\(names) \(ranges[day])")
            day = end + 1
        }
        return rules.isEmpty ? nil : rules.joined(separator: "; ")
    }

    /// "09:00" from "9:00", "09:00", "9h", "9h30", "9 h 30", "9"; nil otherwise.
    static func time(_ text: String) -> String? {
        let cleaned = text.lowercased().filter { !$0.isWhitespace }.replacingOccurrences(of: "h", with: ":")
        let parts = cleaned.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let hour = Int(parts[0]), (0...24).contains(hour) else { return nil }
        let minute = parts.count == 2 ? (parts[1].isEmpty ? 0 : Int(parts[1])) : 0
        guard let minute, (0..<60).contains(minute), hour < 24 || minute == 0 else { return nil }
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
