import EclairageDomain
import Foundation
import Testing

/// `ParisTime` is the site's only clock in France: it agrees with the time-zone database wherever that
/// database is present, and nothing else in the sources reads `TimeZone`.
@Suite("ParisTime: one French clock")
struct ParisTimeTests {
    @Test("Agrees with the time-zone database every hour from 1996 to 2040, and around each change of hour")
    func agreesWithTheDatabase() throws {
        // Here (a test, dynamically linked) the database must be present: a nil is a failure, not a fallback.
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        var instants = Array(stride(from: Int64(820_454_400), to: 2_208_988_800, by: 3600))  // 1996-01-01 to 2040-01-01
        for year in 1996...2039 {
            let (begins, ends) = ParisTime.summerTime(year: year)
            for change in [begins, ends] { instants += [change - 1, change, change + 1] }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = paris
        var disagreements: [String] = []
        for instant in instants {
            let date = Date(timeIntervalSince1970: TimeInterval(instant))
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let reading = ParisTime(unixTime: instant)
            let offset = Int64(paris.secondsFromGMT(for: date))
            if [reading.year, reading.month, reading.day, reading.hour, reading.minute, reading.second]
                != [expected.year, expected.month, expected.day, expected.hour, expected.minute, expected.second]
                || ParisTime.offset(atUnixTime: instant) != offset
            {
                disagreements.append("\(instant): \(reading) against \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test("A wall-clock reading and back: the datetime-local text, the day, the instant")
    func wallClock() throws {
        let reading = ParisTime(wallClock: 1_806_228_000)  // 2027-03-28 10:00 as if UTC
        #expect(reading.description == "2027-03-28 10:00" && reading.dateTimeLocal == "2027-03-28T10:00")
        #expect(reading.unixTime == 1_806_220_800)  // 08:00 UTC, summer time
        #expect(ParisTime(unixTime: 1_806_186_600).dateTimeLocal == "2027-03-27T23:30")  // 22:30 UTC
        #expect(ParisTime(unixTime: 1_806_189_000).date.iso == "2027-03-28")  // 23:10 UTC is already Sunday in Paris
    }

    @Test("A breach found at 01:30 on the night of the change is 00:30 UTC (it was read as 23:30 UTC the day before)")
    func breachInTheLastWinterHour() throws {
        func form(_ discovered: String, _ nature: String, _ risk: String) -> Breach.Form {
            var form = Breach.Form()
            form.discovered = discovered
            form.nature = nature
            form.risk = risk
            return form
        }
        let breach = try Breach.validate(
            id: "b", form: form("2027-03-28T01:30", "Ordinateur volé", "high"), now: 1_806_200_000
        ).get()
        #expect(breach.discoveredAt == 1_806_193_800)
        let autumn = try Breach.validate(id: "b", form: form("2027-10-31T01:30", "x", "risk"), now: 1_825_000_000).get()
        #expect(autumn.discoveredAt == 1_824_939_000)  // 23:30 UTC, summer time
    }

    @Test("No other Paris clock in the sources: no TimeZone, no offset read from Foundation")
    func noOtherClock() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        let found = try files.filter { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            return ["TimeZone(", "secondsFromGMT", "TimeZone.current", ".timeZone ="].contains { text.contains($0) }
        }.map(\.lastPathComponent)
        #expect(found.isEmpty, "read Paris time with ParisTime: \(found)")
    }
}
