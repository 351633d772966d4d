import XCTest

@testable import EclairageDomain

/// Opening hours (OpenStreetMap subset), French public holidays and the French texts.
/// Reference week: Monday 5 April 2027 to Sunday 11 April 2027, no public holiday.
final class OpeningHoursTests: XCTestCase {
    let monday = Day(iso: "2027-04-05")!
    let wednesday = Day(iso: "2027-04-07")!
    let saturday = Day(iso: "2027-04-10")!
    let sunday = Day(iso: "2027-04-11")!
    let bastilleDay = Day(iso: "2027-07-14")!
    let easterMonday = Day(iso: "2027-03-29")!

    /// The texts with ordinary spaces, to keep expectations readable.
    func plain(_ text: String?) -> String? {
        text?.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    func minute(_ hour: Int, _ minute: Int = 0) -> Int { hour * 60 + minute }

    func testHolidays() {
        XCTAssertEqual(FrenchHolidays.easter(2024).iso, "2024-03-31")
        XCTAssertEqual(FrenchHolidays.easter(2025).iso, "2025-04-20")
        XCTAssertEqual(FrenchHolidays.easter(2027).iso, "2027-03-28")
        XCTAssertEqual(FrenchHolidays.easter(2038).iso, "2038-04-25")
        let expected = [
            "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
            "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25",
        ]
        let start = Day(iso: "2027-01-01")!.number
        let found = (start..<start + 365).map(Day.init(number:)).filter(FrenchHolidays.isHoliday).map(\.iso)
        XCTAssertEqual(found, expected)
        XCTAssertEqual(FrenchHolidays.name(easterMonday), "Lundi de Pâques")
        XCTAssertEqual(FrenchHolidays.name(Day(iso: "2027-05-06")!), "Ascension")
        XCTAssertEqual(FrenchHolidays.name(Day(iso: "2027-05-17")!), "Lundi de Pentecôte")
        XCTAssertEqual(FrenchHolidays.name(bastilleDay), "Fête nationale")
        XCTAssertNil(FrenchHolidays.name(Day(iso: "2027-03-28")!))
        XCTAssertFalse(FrenchHolidays.isHoliday(Day(iso: "2027-12-26")!))
    }

    func testWeekdays() {
        XCTAssertEqual(Day(number: 0).isoWeekday, 4)
        XCTAssertEqual(Day(number: -1).isoWeekday, 3)
        XCTAssertEqual(easterMonday.isoWeekday, 1)
        XCTAssertEqual(bastilleDay.isoWeekday, 3)
        XCTAssertEqual(sunday.isoWeekday, 7)
    }

    func testCanonicalForms() {
        let cases = [
            ("Mo-Fr 09:00-12:00,14:00-18:00", "Mo-Fr 09:00-12:00,14:00-18:00"),
            ("mo-fr 9h-12h30", "Mo-Fr 09:00-12:30"),
            (
                "Mo - Fr 9:00 - 12:00 , 14h30-18h; sa 9h-12h; PH closed",
                "Mo-Fr 09:00-12:00,14:30-18:00; Sa 09:00-12:00; PH off"
            ),
            ("Mo-Fr 09:00-12:00 || Sa off", "Mo-Fr 09:00-12:00; Sa off"),
            ("Mo-Fr: 9h–17h;", "Mo-Fr 09:00-17:00"),
            ("Mo,We,Fr 14:00-18:00,09:00-12:00", "Mo,We,Fr 09:00-12:00,14:00-18:00"),
            ("Mo-Fr 09:00-12:00,12:00-14:00", "Mo-Fr 09:00-14:00"),
            ("Mo-Fr,PH 10:00-12:00", "Mo-Fr,PH 10:00-12:00"),
            ("10:00-18:00", "10:00-18:00"),
            ("24/7", "24/7"),
            ("Mo-Fr 18:00-24:00", "Mo-Fr 18:00-24:00"),
        ]
        for (raw, canonical) in cases {
            let hours = OpeningHours(raw)
            XCTAssertTrue(hours.isUnderstood, raw)
            XCTAssertEqual(hours.raw, raw)
            XCTAssertEqual(hours.canonical, canonical, raw)
        }
    }

    func testUnsupportedValuesAreKeptRaw() {
        let values = [
            "Jan-Mar Mo 10:00-12:00", "\"sur rendez-vous\"", "sur rendez-vous", "", "Mo-Fr",
            "Mo-Fr 22:00-02:00", "sunrise-sunset", "Mo-Fr 10:00+", "SH off", "Mo[1] 10:00-12:00",
            "Mo-Fr 09:00-12:00 \"sauf août\"", "Mo-Fr 9-12", "Mo-Fr 25:00-26:00", "week 1-53 Mo 10:00-12:00",
        ]
        for raw in values {
            let hours = OpeningHours(raw)
            XCTAssertFalse(hours.isUnderstood, raw)
            XCTAssertEqual(hours.raw, raw)
            XCTAssertNil(hours.canonical, raw)
            XCTAssertNil(hours.intervals(on: monday), raw)
            XCTAssertNil(hours.isOpen(day: monday, minute: minute(10)), raw)
            XCTAssertNil(hours.frenchWeek(), raw)
            XCTAssertNil(hours.frenchToday(day: monday, minute: minute(10)), raw)
        }
    }

    func testLaterRulesOverride() {
        let hours = OpeningHours("Mo-Sa 09:00-18:00; We off")
        XCTAssertEqual(hours.intervals(on: monday), [minute(9)...minute(18)])
        XCTAssertEqual(hours.intervals(on: wednesday), [])
        XCTAssertEqual(hours.intervals(on: saturday), [minute(9)...minute(18)])
        XCTAssertEqual(hours.intervals(on: sunday), [])
        XCTAssertEqual(hours.canonical, "Mo-Sa 09:00-18:00; We off")
        XCTAssertEqual(OpeningHours("We off; Mo-Sa 09:00-18:00").intervals(on: wednesday), [minute(9)...minute(18)])
        XCTAssertEqual(OpeningHours("Mo 10:00-12:00; Mo 14:00-16:00").intervals(on: monday), [minute(14)...minute(16)])
        XCTAssertEqual(OpeningHours("Sa-Mo 10:00-12:00").intervals(on: sunday), [minute(10)...minute(12)])
        XCTAssertEqual(OpeningHours("Sa-Mo 10:00-12:00").intervals(on: wednesday), [])
    }

    func testPublicHolidays() {
        let hours = OpeningHours("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off")
        XCTAssertEqual(hours.intervals(on: bastilleDay), [])
        XCTAssertEqual(hours.isOpen(day: bastilleDay, minute: minute(10)), false)
        XCTAssertEqual(hours.isOpen(day: Day(iso: "2027-07-13")!, minute: minute(10)), true)
        XCTAssertEqual(hours.isOpen(day: easterMonday, minute: minute(10)), false)
        XCTAssertEqual(hours.isOpen(day: Day(iso: "2027-03-22")!, minute: minute(10)), true)
        // Without PH, a public holiday follows its weekday.
        XCTAssertEqual(OpeningHours("Mo-Fr 09:00-12:00").isOpen(day: bastilleDay, minute: minute(10)), true)
        // PH with hours: 15 August 2027 is a Sunday.
        let holidayHours = OpeningHours("Mo-Fr,PH 10:00-12:00")
        XCTAssertEqual(holidayHours.intervals(on: Day(iso: "2027-08-15")!), [minute(10)...minute(12)])
        XCTAssertEqual(holidayHours.intervals(on: Day(iso: "2027-08-22")!), [])
    }

    func testIsOpenAtBoundaries() {
        let hours = OpeningHours("Mo-Fr 09:00-12:00,14:00-18:30")
        XCTAssertEqual(hours.isOpen(day: monday, minute: minute(8, 59)), false)
        XCTAssertEqual(hours.isOpen(day: monday, minute: minute(9)), true)
        XCTAssertEqual(hours.isOpen(day: monday, minute: minute(11, 59)), true)
        XCTAssertEqual(hours.isOpen(day: monday, minute: minute(12)), false)
        XCTAssertEqual(hours.isOpen(day: monday, minute: minute(14)), true)
        XCTAssertEqual(hours.isOpen(day: monday, minute: minute(18, 29)), true)
        XCTAssertEqual(hours.isOpen(day: monday, minute: minute(18, 30)), false)
        XCTAssertEqual(hours.isOpen(day: sunday, minute: minute(10)), false)
        XCTAssertNil(hours.isOpen(day: monday, minute: 1440))
        XCTAssertNil(hours.isOpen(day: monday, minute: -1))
        XCTAssertEqual(OpeningHours("24/7").isOpen(day: sunday, minute: 0), true)
        XCTAssertEqual(OpeningHours("24/7").isOpen(day: sunday, minute: 1439), true)
        XCTAssertEqual(OpeningHours("Mo-Fr 18:00-24:00").isOpen(day: monday, minute: 1439), true)
        XCTAssertEqual(OpeningHours("off").isOpen(day: monday, minute: minute(10)), false)
    }

    func testFrenchWeek() {
        let hours = OpeningHours("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off")
        XCTAssertEqual(
            hours.frenchWeek()?.map { plain($0) ?? "" },
            [
                "Du lundi au vendredi : 9 h – 12 h et 14 h – 17 h", "Samedi : 9 h – 12 h", "Fermé le dimanche",
                "Fermé les jours fériés",
            ])
        // Exact characters: narrow no-break space before "h", no-break space before the dash and the colon.
        XCTAssertEqual(
            hours.frenchWeek()?.first,
            "Du lundi au vendredi\u{00A0}: 9\u{202F}h\u{00A0}– 12\u{202F}h et 14\u{202F}h\u{00A0}– 17\u{202F}h")
        XCTAssertEqual(
            OpeningHours("Mo-Sa 09:00-18:00; We off").frenchWeek()?.map { plain($0) ?? "" },
            [
                "Lundi, mardi et du jeudi au samedi : 9 h – 18 h", "Fermé le mercredi et le dimanche",
            ])
        XCTAssertEqual(
            OpeningHours("Mo,We,Fr 14:30-18:00").frenchWeek()?.map { plain($0) ?? "" },
            [
                "Lundi, mercredi et vendredi : 14 h 30 – 18 h", "Fermé le mardi, le jeudi, le samedi et le dimanche",
            ])
        XCTAssertEqual(
            OpeningHours("Mo-Fr,PH 10:00-12:00").frenchWeek()?.map { plain($0) ?? "" },
            [
                "Du lundi au vendredi : 10 h – 12 h", "Fermé le samedi et le dimanche", "Jours fériés : 10 h – 12 h",
            ])
        XCTAssertEqual(
            OpeningHours("Sa,Su 10:00-12:00").frenchWeek()?.map { plain($0) ?? "" },
            [
                "Samedi et dimanche : 10 h – 12 h", "Fermé du lundi au vendredi",
            ])
        XCTAssertEqual(
            OpeningHours("10:00-18:00").frenchWeek()?.map { plain($0) ?? "" }, ["Tous les jours : 10 h – 18 h"])
        XCTAssertEqual(OpeningHours("24/7").frenchWeek()?.map { plain($0) ?? "" }, ["Tous les jours : 24 h sur 24"])
        XCTAssertEqual(OpeningHours("off").frenchWeek(), ["Fermé tous les jours"])
    }

    func testFrenchToday() {
        let hours = OpeningHours("Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off")
        XCTAssertEqual(
            plain(hours.frenchToday(day: monday, minute: minute(8))),
            "Ouvert aujourd'hui de 9 h à 12 h et de 14 h à 18 h")
        XCTAssertEqual(plain(hours.frenchToday(day: monday, minute: minute(10))), "Ouvert jusqu'à 12 h")
        XCTAssertEqual(plain(hours.frenchToday(day: monday, minute: minute(12))), "Ouvre à 14 h")
        XCTAssertEqual(plain(hours.frenchToday(day: monday, minute: minute(17, 59))), "Ouvert jusqu'à 18 h")
        XCTAssertEqual(plain(hours.frenchToday(day: monday, minute: minute(18))), "Fermé pour aujourd'hui")
        XCTAssertEqual(plain(hours.frenchToday(day: saturday, minute: minute(8))), "Ouvert aujourd'hui de 9 h à 12 h")
        XCTAssertEqual(hours.frenchToday(day: sunday, minute: minute(10)), "Fermé le dimanche")
        XCTAssertEqual(hours.frenchToday(day: bastilleDay, minute: minute(10)), "Fermé aujourd'hui (jour férié)")
        XCTAssertEqual(hours.frenchToday(day: easterMonday, minute: minute(10)), "Fermé aujourd'hui (jour férié)")
        XCTAssertNil(hours.frenchToday(day: monday, minute: 1440))
        XCTAssertEqual(
            OpeningHours("Mo-Fr 09:00-12:30").frenchToday(day: monday, minute: minute(10)),
            "Ouvert jusqu'à 12\u{202F}h\u{202F}30")
        XCTAssertEqual(OpeningHours("24/7").frenchToday(day: sunday, minute: minute(3)), "Ouvert toute la journée")
        XCTAssertEqual(OpeningHours("off").frenchToday(day: monday, minute: minute(10)), "Fermé aujourd'hui")
    }

    func testSpreadsheetVariants() {
        let hours = OpeningHours("mo-fr 9h-12h30")
        XCTAssertTrue(hours.isUnderstood)
        XCTAssertEqual(hours.intervals(on: monday), [minute(9)...minute(12, 30)])
        XCTAssertEqual(hours.intervals(on: saturday), [])
        XCTAssertEqual(OpeningHours("MO-FR 9:00-12:00").canonical, "Mo-Fr 09:00-12:00")
        XCTAssertEqual(OpeningHours("Mo , We 9H - 12H").canonical, "Mo,We 09:00-12:00")
        XCTAssertEqual(OpeningHours("Mo-Fr 09:00-12:00 14:00-18:00").canonical, "Mo-Fr 09:00-12:00,14:00-18:00")
        XCTAssertEqual(OpeningHours("Mo-Fr 9 h – 12 h 30, 14 h-18 h").canonical, "Mo-Fr 09:00-12:30,14:00-18:00")
        XCTAssertEqual(OpeningHours("Mo-Fr 09h-12h 14h-18h").canonical, "Mo-Fr 09:00-12:00,14:00-18:00")
        XCTAssertEqual(OpeningHours("Mo-Fr\u{00A0}9\u{202F}h\u{00A0}– 17\u{202F}h").canonical, "Mo-Fr 09:00-17:00")
    }
}
