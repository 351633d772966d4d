/// When a place opens next: what "Ouvert en ce moment" says when nothing is open.
extension OpeningHours {
    /// The next opening after a day's minute, within two weeks: days from `day` (0 today) and the
    /// minute it opens; nil when not understood or never open in that time.
    public func nextOpening(day: Day, minute: Int) -> (days: Int, minute: Int)? {
        for offset in 0..<15 {
            guard let spans = intervals(on: Day(number: day.number + offset)) else { return nil }
            if let span = spans.first(where: { offset > 0 || $0.lowerBound > minute }) {
                return (offset, span.lowerBound)
            }
        }
        return nil
    }

    /// "ouvre aujourd'hui à 14 h", "ouvre demain à 9 h", "ouvre jeudi à 9 h 30", "ouvre le lundi 30 novembre à 9 h".
    public static func frenchNextOpening(_ next: (days: Int, minute: Int), from day: Day) -> String {
        let time = frenchTime(next.minute)
        switch next.days {
        case 0: return "ouvre aujourd'hui à \(time)"
        case 1: return "ouvre demain à \(time)"
        case 2..<7:
            return "ouvre \(dayNames[Day(number: day.number + next.days).isoWeekday - 1]) à \(time)"
        default:
            let when = Day(number: day.number + next.days)
            let (_, month, date) = when.civil
            let months = [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre",
            ]
            return "ouvre le \(dayNames[when.isoWeekday - 1]) \(date) \(months[month - 1]) à \(time)"
        }
    }
}
