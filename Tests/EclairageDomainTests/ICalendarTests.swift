import Foundation
import XCTest

@testable import EclairageDomain

/// Calendar files compared byte for byte with the golden files in `Tests/Fixtures/ics/`, which
/// `scripts/ics_check.py` also validates with Python's `icalendar`. After an intended change:
/// `SNAPSHOTS=record swift test --filter ICalendarTests`, read the diff, run the script.
final class ICalendarTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ics")
    static let product = "-//Éclairage//Calendrier des formations//FR"
    static let now: Int64 = 1_803_891_600  // 2027-03-01 09:00 UTC

    /// Saturday 2027-03-27 10:00–12:00 in Paris, still winter time (09:00–11:00 UTC).
    static let saturday = CalendarEvent(
        uid: "session-101@eclairage.example", start: 1_806_138_000, end: 1_806_145_200,
        summary: "Atelier : sauvegarder les fichiers de l'association",
        description: "Deux heures pour mettre en place une sauvegarde qui marche.",
        location: "Maison des associations, 12 rue Nationale, 37000 Tours",
        url: "https://eclairage.example/formations/101",
        organizerName: "Éclairage", organizerEmail: "formations@eclairage.example",
        lastModified: 1_802_685_600, categories: ["Formation"], geo: GeoPoint(latitude: 47.394144, longitude: 0.68484))

    /// Monday 2027-03-29 10:00–12:00 in Paris, summer time since Sunday (08:00–10:00 UTC), cancelled.
    static let monday = CalendarEvent(
        uid: "session-102@eclairage.example", sequence: 2, start: 1_806_307_200, end: 1_806_314_400,
        summary: "Atelier : les mots de passe partagés", description: "Annulé faute d'inscrits ; reporté en mai.",
        location: "Salle Jean-Moulin, Joué-lès-Tours", cancelled: true,
        organizerName: "Éclairage", organizerEmail: "formations@eclairage.example",
        lastModified: 1_805_567_400, categories: ["Formation", "Mots de passe"])

    static let longDescription = """
        Au programme de la matinée : où sont les fichiers du club 📂, qui les sauvegarde, et comment \
        vérifier qu'une sauvegarde se restaure correctement 🔐📅.
        1. Inventaire ; 2. Sauvegarde, 3. Restauration.
        Apportez votre ordinateur portable (chargé 🔋) ; café offert ☕️, croissants à volonté !
        Dossier d'exemple : C:\\Association\\Sauvegardes
        """

    static let folding = CalendarEvent(
        uid: "session-104@eclairage.example", start: 1_825_489_800, end: 1_825_500_600,
        summary: "Matinée « Numérique responsable » : héberger ses données en France, sans se ruiner",
        description: longDescription, location: "Médiathèque François-Mitterrand, Tours",
        lastModified: 1_824_050_700, categories: ["Formation", "Sobriété, hébergement"])

    /// Saturday 2027-10-30 14:00–17:00, the eve of the return to winter time (12:00–15:00 UTC).
    static let invitation = CalendarEvent(
        uid: "session-103@eclairage.example", start: 1_824_897_600, end: 1_824_908_400,
        summary: "Atelier : le RGPD pour les petites associations",
        description: "Votre inscription est confirmée.\nLien de l'atelier : https://eclairage.example/formations/103",
        location: "Maison des associations, 12 rue Nationale, 37000 Tours",
        url: "https://eclairage.example/formations/103",
        organizerName: "Éclairage, formations", organizerEmail: "formations@eclairage.example",
        attendeeEmail: "zoe.martin@example.org", attendeeName: "Zoé Martin",
        lastModified: 1_822_377_600, categories: ["Formation", "RGPD"],
        geo: GeoPoint(latitude: 47.394144, longitude: 0.68484))

    // MARK: Golden files

    func testDSTWeekendGolden() throws {
        let text = ICalendar.document(
            events: [Self.saturday, Self.monday], method: .publish,
            name: "Formations Éclairage", productId: Self.product, now: Self.now)
        XCTAssertTrue(text.contains("DTSTART;TZID=Europe/Paris:20270327T100000\r\n"))
        XCTAssertTrue(text.contains("DTSTART;TZID=Europe/Paris:20270329T100000\r\n"))
        XCTAssertTrue(text.contains("SEQUENCE:2\r\n"))
        XCTAssertTrue(text.contains("STATUS:CANCELLED\r\n"))
        try checkGolden(text, "dst-weekend.ics")
    }

    func testFoldingGolden() throws {
        let text = ICalendar.document(
            events: [Self.folding], method: nil, name: nil, productId: Self.product, now: Self.now)
        let description =
            "DESCRIPTION:Au programme de la matinée : où sont les fichiers du club 📂\\, qui "
            + "les sauvegarde\\, et comment vérifier qu'une sauvegarde se restaure correctement 🔐📅.\\n1. Inventaire \\; "
            + "2. Sauvegarde\\, 3. Restauration.\\nApportez votre ordinateur portable (chargé 🔋) \\; café offert ☕️\\, "
            + "croissants à volonté !\\nDossier d'exemple : C:\\\\Association\\\\Sauvegardes"
        XCTAssertTrue(unfolded(text).contains(description))
        XCTAssertTrue(unfolded(text).contains("CATEGORIES:Formation,Sobriété\\, hébergement"))
        XCTAssertTrue(text.contains("DTSTART;TZID=Europe/Paris:20271106T093000\r\n"))
        // 📂 (4 octets) would end at octet 76: the line stops at 72 and the emoji opens the next one.
        XCTAssertTrue(text.contains("DESCRIPTION:Au programme de la matinée : où sont les fichiers du club \r\n 📂\\,"))
        try checkGolden(text, "folding.ics")
    }

    func testRequestGolden() throws {
        let text = ICalendar.document(
            events: [Self.invitation], method: .request, name: nil, productId: Self.product, now: Self.now)
        XCTAssertTrue(text.contains("METHOD:REQUEST\r\n"))
        XCTAssertTrue(
            unfolded(text).contains("ORGANIZER;CN=\"Éclairage, formations\":mailto:formations@eclairage.example"))
        XCTAssertTrue(
            unfolded(text).contains(
                "ATTENDEE;CN=Zoé Martin;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:zoe.martin@example.org"
            ))
        XCTAssertTrue(text.contains("DTSTART;TZID=Europe/Paris:20271030T140000\r\n"))
        try checkGolden(text, "request.ics")
    }

    func testCancelGolden() throws {
        var cancelled = Self.invitation
        cancelled.sequence = 1
        cancelled.cancelled = true
        cancelled.lastModified = 1_824_050_700
        let text = ICalendar.document(
            events: [cancelled], method: .cancel, name: nil, productId: Self.product, now: 1_824_050_700)
        XCTAssertTrue(text.contains("METHOD:CANCEL\r\nX-WR-TIMEZONE:Europe/Paris\r\n"))
        XCTAssertTrue(text.contains("UID:session-103@eclairage.example\r\nSEQUENCE:1\r\n"))
        try checkGolden(text, "cancel.ics")
    }

    // MARK: Writer rules

    func testCancelMethodCancelsEveryEvent() {
        let text = ICalendar.document(events: [Self.invitation], method: .cancel, name: nil, productId: "x", now: 0)
        XCTAssertTrue(text.contains("STATUS:CANCELLED\r\n"))
        XCTAssertFalse(text.contains("CONFIRMED"))
    }

    func testEscaping() {
        XCTAssertEqual(ICalendarFormat.text("a\\b;c,d\ne\r\nf\rg\u{7}h\ti"), "a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti")
        XCTAssertEqual(ICalendarFormat.parameter("Zoé Martin"), "Zoé Martin")
        XCTAssertEqual(ICalendarFormat.parameter("Martin, \"Zoé\"\n"), "\"Martin, 'Zoé' \"")
        XCTAssertEqual(ICalendarFormat.uri("https://x.example/a b\r\n"), "https://x.example/ab")
    }

    func testFoldingCutsBetweenCharactersOnly() {
        for filler in ["é", "€", "🔐", "e\u{301}", "a"] {
            let line = "DESCRIPTION:" + String(repeating: filler, count: 90)
            let parts = octetLines(ICalendarFormat.fold(line))
            XCTAssertGreaterThan(parts.count, 1, filler)
            for (index, part) in parts.enumerated() {
                XCTAssertLessThanOrEqual(part.count, 75, filler)
                XCTAssertEqual(part.first == 32, index > 0, filler)
                XCTAssertNotNil(String(validating: part, as: UTF8.self), "a cut inside a character")
            }
            XCTAssertEqual(unfolded(ICalendarFormat.fold(line)), line)
        }
        XCTAssertEqual(ICalendarFormat.fold(String(repeating: "a", count: 75)), String(repeating: "a", count: 75))
    }

    func testOptionalPropertiesLeftOut() {
        let bare = CalendarEvent(
            uid: "u", start: 100, end: 100, summary: "S", location: "", url: "",
            organizerEmail: nil, attendeeName: "Nobody", lastModified: 0,
            geo: GeoPoint(latitude: .nan, longitude: 0))
        let text = ICalendar.document(events: [bare], method: nil, name: nil, productId: "x", now: 0)
        for property in [
            "DTEND", "DESCRIPTION", "LOCATION", "URL", "GEO", "CATEGORIES", "ORGANIZER", "ATTENDEE", "METHOD",
            "X-WR-CALNAME",
        ] {
            XCTAssertFalse(text.contains("\r\n\(property)"), property)
        }
        XCTAssertEqual(ICalendarFormat.geo(GeoPoint(latitude: -0.0000004, longitude: -1.5)), "0.000000;-1.500000")
    }

    // MARK: ParisTime

    func testParisTimeAcrossTheChangesOfHour() {
        func reading(_ unixTime: Int64) -> String { ParisTime(unixTime: unixTime).description }
        XCTAssertEqual(reading(1_806_138_000), "2027-03-27 10:00")  // 09:00 UTC, winter
        XCTAssertEqual(reading(1_806_195_600 - 1), "2027-03-28 01:59:59")  // 00:59:59 UTC
        XCTAssertEqual(reading(1_806_195_600), "2027-03-28 03:00")  // 01:00 UTC: summer time begins
        XCTAssertEqual(reading(1_806_307_200), "2027-03-29 10:00")  // 08:00 UTC, summer
        XCTAssertEqual(reading(1_824_944_400 - 1), "2027-10-31 02:59:59")  // 00:59:59 UTC, summer
        XCTAssertEqual(reading(1_824_944_400), "2027-10-31 02:00")  // 01:00 UTC: back to winter time
        XCTAssertEqual(reading(0), "1970-01-01 01:00")
        XCTAssertEqual(ParisTime.summerTime(year: 2027).begins, 1_806_195_600)
        XCTAssertEqual(ParisTime.summerTime(year: 2027).ends, 1_824_944_400)
    }

    func testLocalToUTC() throws {
        func utc(_ text: String) throws -> Int64 { try XCTUnwrap(ParisTime(dateTimeLocal: text)).unixTime }
        XCTAssertEqual(try utc("2027-03-28T10:00"), 1_806_220_800)  // 08:00 UTC
        XCTAssertEqual(try utc("2027-03-27T10:00"), 1_806_138_000)  // 09:00 UTC
        XCTAssertEqual(try utc("2027-03-28T02:30"), 1_806_197_400)  // the gap: read at +01:00, 01:30 UTC
        XCTAssertEqual(try utc("2027-10-31T02:30"), 1_824_942_600)  // twice: the first, 00:30 UTC
        XCTAssertEqual(try utc("2027-10-31T03:00"), 1_824_948_000)  // 02:00 UTC
        for text in ["2027-02-30T10:00", "2027-03-28T24:00", "2027-03-28T+1:00", "2027-03-28 10:00", "2027-03-28T10"] {
            XCTAssertNil(ParisTime(dateTimeLocal: text), text)
        }
        for unixTime in stride(from: Int64(1_806_190_000), to: 1_806_230_000, by: 900) {
            XCTAssertEqual(ParisTime(unixTime: unixTime).unixTime, unixTime)
        }
    }

    // MARK: Helpers

    /// Checks the file's shape (CRLF only, lines of at most 75 octets), then compares it byte for byte.
    func checkGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.suffix(2), [13, 10], "must end with CRLF", file: file, line: line)
        for (index, byte) in bytes.enumerated() where byte == 10 || byte == 13 {
            let pairOK =
                byte == 13 ? index + 1 < bytes.count && bytes[index + 1] == 10 : index > 0 && bytes[index - 1] == 13
            XCTAssertTrue(pairOK, "bare CR or LF at octet \(index)", file: file, line: line)
        }
        for (number, content) in octetLines(text).enumerated() {
            XCTAssertLessThanOrEqual(content.count, 75, "line \(number + 1) too long", file: file, line: line)
        }
        let url = Self.fixtures.appendingPathComponent(name)
        let stored = try? Data(contentsOf: url)
        if ProcessInfo.processInfo.environment["SNAPSHOTS"] == "record" || stored == nil {
            try FileManager.default.createDirectory(at: Self.fixtures, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            if stored == nil {
                XCTFail("new golden file \(name) recorded: check it, then run again", file: file, line: line)
            }
            return
        }
        if stored != Data(bytes) {
            XCTFail(
                "\(name) differs from the golden file:\n\(firstDifference(String(decoding: stored ?? Data(), as: UTF8.self), text))\n"
                    + "If intended: SNAPSHOTS=record swift test --filter ICalendarTests", file: file, line: line)
        }
    }

    /// The lines of a file as octets, cut at each CRLF.
    func octetLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        return lines
    }

    /// The file with its folded lines joined again (RFC 5545 §3.1), worked out on octets.
    func unfolded(_ text: String) -> String {
        var bytes: [UInt8] = []
        for (index, line) in octetLines(text).enumerated() {
            if line.first == 32 { bytes += line.dropFirst() } else { bytes += (index == 0 ? [] : [13, 10]) + line }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = octetLines(expected).map { String(decoding: $0, as: UTF8.self) }
        let b = octetLines(actual).map { String(decoding: $0, as: UTF8.self) }
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : "(end)"
            let right = index < b.count ? b[index] : "(end)"
            if left != right { return "line \(index + 1)\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(same lines, different endings)"
    }
}
