import Foundation
import Testing

@testable import EclairageDomain

@Suite("Directory domain: CSV reading, row checks, duplicates, seats, map")
struct DirectoryDomainTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Content")

    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    static func records(_ bytes: [UInt8]) throws -> (CSVReader, [CSVReader.Record]) {
        let reader = try CSVReader(url: try file(bytes))
        let records = try reader.records()
        var all: [CSVReader.Record] = []
        while let record = try records.next() { all.append(record) }
        return (reader, all)
    }

    @Test("Records keep the line they start on, across quoted line breaks, CRLF, a BOM and blank lines")
    func lineNumbers() throws {
        let text = "\u{FEFF}a,b\r\n1,\"deux\r\nlignes\"\r\n\r\n3,\"un \"\"mot\"\"\"\n"
        let (reader, records) = try Self.records(Array(text.utf8))
        #expect(reader.encoding == .utf8 && reader.separator == UInt8(ascii: ","))
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records.map(\.fields) == [["a", "b"], ["1", "deux\nlignes"], ["3", "un \"mot\""]])
    }

    @Test(
        "A Windows-1252 file with semicolons is read as such; a field is cut at the limit instead of growing without bound"
    )
    func spreadsheetFiles() throws {
        let latin: [UInt8] =
            Array("nom;commune\n".utf8) + [
                0x4D, 0xE9, 0x64, 0x69, 0x61, 0x74, 0x68, 0xE8, 0x71, 0x75, 0x65, 0x20, 0x80, 0x3B,
            ] + Array("Tours\n".utf8)
        let (reader, records) = try Self.records(latin)
        #expect(reader.encoding == .latin1 && reader.separator == UInt8(ascii: ";"))
        #expect(records[1].fields == ["Médiathèque €", "Tours"])
        let long = try CSVReader(url: try Self.file(Array(("x\n" + String(repeating: "a", count: 5000)).utf8))).records(
            maxField: 100)
        _ = try long.next()
        #expect(try long.next()?.fields.first?.count == 100)
    }

    @Test("A postcode that lost its zero is restored only when the commune confirms it")
    func postcodeZero() throws {
        let schema = try DirectorySchema.load(from: Self.content)
        let communes = try CommuneIndex.load(from: Self.content)
        let checker = try PlaceRowChecker(schema: schema, header: Place.schemaColumns) {
            communes.postcode($1, belongsTo: $0)
        }
        func row(_ postcode: String, _ commune: String) -> [String] {
            var values = [String: String]()
            values["id"] = "x"
            values["pivot"] = "W011234567"
            values["nom"] = "Lieu"
            values["commune"] = commune
            values["code_postal"] = postcode
            values["adresse"] = "1 rue"
            values["date_maj"] = "2026-01-02"
            return Place.schemaColumns.map { values[$0] ?? "" }
        }
        let restored = checker.check(row("1000", "Bourg-en-Bresse"))
        #expect(restored.place?.postcode == "01000")
        #expect(restored.notes == [.init(column: "code_postal", message: "« 1000 » corrigé en « 01000 »")])
        #expect(
            checker.check(row("1000", "Tours")).problems == [
                .init(column: "code_postal", message: "« 1000 » n'est pas un code postal (5 chiffres)")
            ])
        #expect(checker.check(row("01000", "Bourg-en-Bresse")).place?.departement == "01")
    }

    @Test("Duplicates: same postcode, similar name and address, close by; a different place is not one")
    func duplicates() {
        var a = Place(
            externalID: "a", name: "Espace numérique des Halles", commune: "Tours", postcode: "37000",
            address: "14 rue des Halles", updatedOn: "2026-01-01")
        a.latitude = 47.3921
        a.longitude = 0.6817
        var b = Place(
            externalID: "b", name: "Espace numerique Les Halles", commune: "Tours", postcode: "37000",
            address: "14, rue des Halles", updatedOn: "2026-01-01")
        b.latitude = 47.3925
        b.longitude = 0.6820
        var c = Place(
            externalID: "c", name: "Médiathèque François-Mitterrand", commune: "Tours", postcode: "37000",
            address: "2 esplanade François-Mitterrand", updatedOn: "2026-01-01")
        c.latitude = 47.3952
        c.longitude = 0.6848
        var d = b
        d.postcode = "37100"
        #expect(Duplicates.score(a, b) > 0.8)
        #expect(Duplicates.likely(a, among: [("1", b), ("2", c), ("3", d)]).map(\.id) == ["1"])
    }

    @Test("A freed seat is offered for a day, for less as the session nears, and given at once in its last day")
    func seats() {
        let day = SeatPolicy.day
        #expect(SeatPolicy.decision(now: 0, sessionStart: 10 * day) == .offer(until: day))
        #expect(SeatPolicy.decision(now: 0, sessionStart: day + day / 2) == .offer(until: day / 2))
        #expect(SeatPolicy.decision(now: 0, sessionStart: day) == .confirm)
        #expect(SeatPolicy.decision(now: 0, sessionStart: 3600) == .confirm)
        // Weekly sessions keep their local time across the change to summer time (28 March 2027).
        let first = ParisTime(year: 2027, month: 3, day: 27, hour: 10, minute: 0)!
        let sessions = SeatPolicy.recurrence(firstStart: first, durationMinutes: 90, every: 7, count: 2)
        #expect(sessions.map { ParisTime(unixTime: $0.start).hour } == [10, 10])
        #expect(sessions[1].start - sessions[0].start == 7 * day - 3600)
    }

    @Test("The map gathers any number of points into at most 60 discs")
    func mapSize() {
        let points = (0..<5000).map { index in
            DirectoryMap.Point(
                point: GeoPoint(latitude: 42.5 + Double(index % 97) * 0.09, longitude: -4 + Double(index % 89) * 0.13),
                label: "Lieu \(index)")
        }
        let svg = DirectoryMap.svg(points, title: "Carte")
        #expect(svg.components(separatedBy: "<circle").count - 1 <= 60)
        #expect(svg.hasPrefix("<svg") && svg.contains("<title id=\"carte-titre\">Carte</title>"))
        #expect(
            !DirectoryMap.svg([.init(point: GeoPoint(latitude: 47, longitude: 1), label: "<b>&")], title: "t").contains(
                "<b>"))
    }
}
