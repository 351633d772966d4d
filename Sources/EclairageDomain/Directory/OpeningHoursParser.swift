import Foundation

/// Reads an `opening_hours` value into rules, or nil when it leaves the supported subset.
/// Tolerates spreadsheet habits: any case (`mo-fr`), `9:00`, `9h`, `14h30`, French `9 h – 12 h 30`,
/// any kind of space, spaces around `-` and `,`, a colon after the days (`Mo-Fr: 9h-12h`).
enum OpeningHoursParser {
    static let dayCodes = ["mo", "tu", "we", "th", "fr", "sa", "su"]
    static let allDays = Set(0..<7)

    static func parse(_ raw: String) -> [OpeningRule]? {
        var rules: [OpeningRule] = []
        for part in tidy(raw).replacingOccurrences(of: "||", with: ";").split(separator: ";") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let rule = parseRule(text) else { return nil }
            rules.append(rule)
        }
        return rules.isEmpty ? nil : rules
    }

    /// Single spaces only, none around `-`, `,` or before `:`; en and em dashes become `-`;
    /// French "9 h" and "12 h 30" become `9h` and `12h30`.
    static func tidy(_ text: String) -> String {
        var result = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (from, to) in [("–", "-"), ("—", "-"), (" -", "-"), ("- ", "-"), (" ,", ","), (", ", ","), (" :", ":")] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        result = result.replacingOccurrences(of: "([0-9]) ([hH])", with: "$1$2", options: .regularExpression)
        return result.replacingOccurrences(
            of: "([0-9][hH]) ([0-9]{2})(?![0-9:hH])", with: "$1$2", options: .regularExpression)
    }

    static func parseRule(_ text: String) -> OpeningRule? {
        if text == "24/7" {
            return OpeningRule(weekdays: allDays, holidays: false, spans: [0...1440], canonical: "24/7")
        }
        var tokens = text.split(separator: " ").map(String.init)
        var weekdays = allDays
        var holidays = false
        var words: [String] = []
        if let first = tokens.first, let selector = parseSelector(first) {
            (weekdays, holidays) = (selector.weekdays, selector.holidays)
            words.append(selector.canonical)
            tokens.removeFirst()
        }
        var spans: [ClosedRange<Int>] = []
        if tokens.count == 1, ["off", "closed"].contains(tokens[0].lowercased()) {
            words.append("off")
        } else {
            // Days without hours ("Mo-Fr") are refused: open all day or hours unknown?
            guard !tokens.isEmpty, let parsed = parseSpans(tokens) else { return nil }
            spans = parsed
            words.append(spans.map { "\(clock($0.lowerBound))-\(clock($0.upperBound))" }.joined(separator: ","))
        }
        return OpeningRule(
            weekdays: weekdays, holidays: holidays, spans: spans, canonical: words.joined(separator: " "))
    }

    /// `Mo-Fr,PH`, `mo,we,fr`, `Sa-Mo` (wrapping), optionally followed by a colon.
    static func parseSelector(_ token: String) -> (weekdays: Set<Int>, holidays: Bool, canonical: String)? {
        let text = token.hasSuffix(":") ? String(token.dropLast()) : token
        var weekdays: Set<Int> = []
        var holidays = false
        var items: [String] = []
        for item in text.lowercased().split(separator: ",", omittingEmptySubsequences: false) {
            if item == "ph" {
                holidays = true
                items.append("PH")
                continue
            }
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map {
                dayCodes.firstIndex(of: String($0))
            }
            guard ends.count <= 2, let first = ends.first ?? nil, let last = ends.last ?? nil else { return nil }
            var day = first
            weekdays.insert(day)
            while day != last {
                day = (day + 1) % 7
                weekdays.insert(day)
            }
            items.append(ends.count == 1 ? code(first) : "\(code(first))-\(code(last))")
        }
        return (weekdays, holidays, items.joined(separator: ","))
    }

    /// `09:00-12:00,14:00-18:00` (also several tokens); sorted, overlapping or touching spans merged.
    static func parseSpans(_ tokens: [String]) -> [ClosedRange<Int>]? {
        var spans: [ClosedRange<Int>] = []
        for text in tokens.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let ends = text.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end else {
                return nil
            }
            spans.append(start...end)
        }
        var merged: [ClosedRange<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// `09:00`, `9:00`, `9h`, `9h30`, `24:00` as minutes since midnight.
    static func minutes(_ text: Substring) -> Int? {
        let lower = text.lowercased()
        guard let separator = lower.firstIndex(where: { $0 == ":" || $0 == "h" }) else { return nil }
        let hourText = lower[..<separator]
        let minuteText = lower[lower.index(after: separator)...]
        let minuteOptional = lower[separator] == "h" && minuteText.isEmpty
        guard (1...2).contains(hourText.count), hourText.allSatisfy(\.isASCIIDigit),
            minuteOptional || (minuteText.count == 2 && minuteText.allSatisfy(\.isASCIIDigit)),
            let hour = Int(hourText)
        else { return nil }
        let minute = Int(minuteText) ?? 0
        guard minute < 60, hour < 24 || (hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }

    static func code(_ weekday: Int) -> String { dayCodes[weekday].capitalized }

    /// `HH:MM`.
    static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
