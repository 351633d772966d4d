/// Public holidays (jours fériés) of metropolitan France, excluding the extra Alsace-Moselle days
/// (Good Friday, 26 December). Whit Monday counts, although it is also the "journée de solidarité".
public enum FrenchHolidays {
    public static func isHoliday(_ day: Day) -> Bool { name(day) != nil }

    /// The holiday's French name, or nil on an ordinary day.
    public static func name(_ day: Day) -> String? {
        let (year, month, dayOfMonth) = day.civil
        switch (month, dayOfMonth) {
        case (1, 1): return "Jour de l'an"
        case (5, 1): return "Fête du Travail"
        case (5, 8): return "Victoire 1945"
        case (7, 14): return "Fête nationale"
        case (8, 15): return "Assomption"
        case (11, 1): return "Toussaint"
        case (11, 11): return "Armistice 1918"
        case (12, 25): return "Noël"
        default: break
        }
        switch day - easter(year) {
        case 1: return "Lundi de Pâques"
        case 39: return "Ascension"
        case 50: return "Lundi de Pentecôte"
        default: return nil
        }
    }

    /// Easter Sunday of a year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easter(_ year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return Day(number: Day.days(year: year, month: month, day: dayOfMonth))
    }
}

extension Day {
    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int { ((number % 7) + 7 + 3) % 7 + 1 }
}
