/// Opening hours in French, for people: "Du lundi au vendredi : 9 h – 12 h et 14 h – 17 h".
/// Typography: a narrow no-break space between a number and "h" ("14 h 30"), a no-break space before
/// the en dash and before the colon (`FrenchTypography`), so no line starts with punctuation.
extension OpeningHours {
    /// One line per group of days with the same hours, then the closed days, then public holidays
    /// when the value mentions `PH`. Nil when the value is not understood.
    public func frenchWeek() -> [String]? {
        guard let rules else { return nil }
        let week = (0..<7).map { spans(weekday: $0, holiday: false) ?? [] }
        var lines: [String] = []
        var done: [[ClosedRange<Int>]] = []
        for spans in week where !spans.isEmpty && !done.contains(spans) {
            done.append(spans)
            let label = Self.dayList((0..<7).filter { week[$0] == spans }, withArticle: false)
            lines.append(label.prefix(1).uppercased() + label.dropFirst() + " : " + Self.frenchSpans(spans))
        }
        let closed = (0..<7).filter { week[$0].isEmpty }
        if closed.count == 7 {
            lines.append("Fermé tous les jours")
        } else if !closed.isEmpty {
            lines.append("Fermé " + Self.dayList(closed, withArticle: true))
        }
        if rules.contains(where: \.holidays) {
            let onHolidays = (0..<7).map { spans(weekday: $0, holiday: true) ?? [] }
            if onHolidays.allSatisfy({ $0 == onHolidays[0] }) {
                lines.append(
                    onHolidays[0].isEmpty
                        ? "Fermé les jours fériés" : "Jours fériés : " + Self.frenchSpans(onHolidays[0]))
            } else if onHolidays != week {
                lines.append("Horaires particuliers les jours fériés")
            }
        }
        return lines.map(FrenchTypography.apply)
    }

    /// A short status for a day and minute (0..<1440): "Ouvert jusqu'à 18 h", "Ouvre à 14 h",
    /// "Ouvert aujourd'hui de 9 h à 12 h et de 14 h à 18 h" (before opening), "Fermé pour aujourd'hui"
    /// (after closing), "Fermé aujourd'hui (jour férié)", "Fermé le lundi", "Fermé aujourd'hui".
    public func frenchToday(day: Day, minute: Int) -> String? {
        guard (0..<1440).contains(minute), let today = intervals(on: day) else { return nil }
        let weekday = day.isoWeekday - 1
        guard let first = today.first else {
            let usual = spans(weekday: weekday, holiday: false) ?? []
            if !usual.isEmpty { return "Fermé aujourd'hui (jour férié)" }
            let opensSomeDay = (0..<7).contains { !(spans(weekday: $0, holiday: false) ?? []).isEmpty }
            return opensSomeDay ? "Fermé le " + Self.dayNames[weekday] : "Fermé aujourd'hui"
        }
        if let current = today.first(where: { $0.lowerBound <= minute && minute < $0.upperBound }) {
            return current == 0...1440
                ? "Ouvert toute la journée" : "Ouvert jusqu'à " + Self.frenchTime(current.upperBound)
        }
        if minute < first.lowerBound {
            let parts = today.map { "de \(Self.frenchTime($0.lowerBound)) à \(Self.frenchTime($0.upperBound))" }
            return "Ouvert aujourd'hui " + Self.frenchList(parts)
        }
        if let next = today.first(where: { $0.lowerBound > minute }) {
            return "Ouvre à " + Self.frenchTime(next.lowerBound)
        }
        return "Fermé pour aujourd'hui"
    }

    static let dayNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    /// "9 h", "14 h 30", "24 h" with narrow no-break spaces.
    static func frenchTime(_ minutes: Int) -> String {
        let space = FrenchTypography.narrowNonBreakingSpace
        let hour = minutes / 60
        let minute = minutes % 60
        return "\(hour)\(space)h" + (minute == 0 ? "" : "\(space)\(minute < 10 ? "0" : "")\(minute)")
    }

    /// "9 h – 12 h et 14 h – 17 h"; a whole day is "24 h sur 24".
    static func frenchSpans(_ spans: [ClosedRange<Int>]) -> String {
        if spans == [0...1440] { return "24\(FrenchTypography.narrowNonBreakingSpace)h sur 24" }
        return frenchList(
            spans.map {
                "\(frenchTime($0.lowerBound))\(FrenchTypography.nonBreakingSpace)– \(frenchTime($0.upperBound))"
            })
    }

    /// Days (0 = Monday, sorted) in words: "du lundi au vendredi", "lundi, mercredi et vendredi",
    /// or with articles "le samedi et le dimanche". Three or more consecutive days make a range.
    static func dayList(_ days: [Int], withArticle: Bool) -> String {
        if days.count == 7 { return "tous les jours" }
        var runs: [[Int]] = []
        for day in days {
            if let last = runs.last?.last, last == day - 1 {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        var items: [String] = []
        for run in runs {
            if run.count >= 3, let first = run.first, let last = run.last {
                items.append("du \(dayNames[first]) au \(dayNames[last])")
            } else {
                items += run.map { (withArticle ? "le " : "") + dayNames[$0] }
            }
        }
        return frenchList(items)
    }

    /// "a", "a et b", "a, b et c".
    static func frenchList(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " et " + last
    }
}
