import EclairageDomain
import Foundation
import Testing

@testable import EclairageWeb

/// What pages show while the French clock jumps from 02:00 to 03:00 (Sunday 28 March 2027, 01:00 UTC).
/// The test clock starts on the Saturday at 23:30 in Paris and is moved across the change.
@Suite("Paris clock: pages across the change to summer time")
struct ParisClockTests {
    @Test("From Saturday 23:30 to Sunday 03:30: days, times, the 72-hour deadline and the last winter hour")
    func acrossSummerTime() async throws {
        try await withApp(at: TestClock.beforeSummerTime) { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let base =
                "/associations/"
                + (try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"])))
            func record(_ discovered: String) async throws -> String {
                let sent = try await alice.submit(
                    base + "/violations", ["discovered": discovered, "nature": "Ordinateur volé", "risk": "high"])
                #expect(sent.status == .seeOther, "\(discovered): \(sent.status)")
                return try #require(sent.location)
            }
            // Saturday 23:30, winter time (22:30 UTC): 72 hours later is Wednesday 00:30, summer time.
            #expect(app.now() == 1_806_186_600)
            let saturday = try await record("2027-03-27T23:30")
            var page = try await alice.get(saturday).text
            #expect(page.contains("27 mars 2027 à 23 h 30"))
            #expect(page.contains("il reste environ 72 h pour notifier la CNIL (échéance : 31 mars 2027 à 0 h 30)"))
            #expect(page.contains(#"type="date" value="2027-03-27""#), "notified today: still Saturday")
            // One hour later: Sunday 00:30, still winter time; the day shown is Sunday.
            app.advance(3600)
            let midnight = try await record("2027-03-28T00:30")
            page = try await alice.get(midnight).text
            #expect(page.contains("28 mars 2027 à 0 h 30") && page.contains("il reste environ 72 h"))
            #expect(
                page.contains("échéance : 31 mars 2027 à 1 h 30") && page.contains(#"type="date" value="2027-03-28""#))
            // One hour later: 01:30, the last winter hour (00:30 UTC); the signed-in session stays alive.
            app.advance(3600)
            #expect(DateFormatting.dayAndTime(app.now(), language: .fr) == "28 mars 2027 à 1\u{A0}h\u{A0}30")
            #expect(try await alice.get(base + "/violations").status == .ok)
            // One more hour (01:30 UTC): clocks read 03:30, summer time.
            app.advance(3600)
            #expect(DateFormatting.dayAndTime(app.now(), language: .fr) == "28 mars 2027 à 3\u{A0}h\u{A0}30")
            page = try await alice.get(saturday).text
            #expect(page.contains("il reste environ 69 h"), "three hours have passed, though the clock moved by four")
            // Found at 01:30, the last winter hour (00:30 UTC): one hour ago, not two.
            let lastWinterHour = try await record("2027-03-28T01:30")
            page = try await alice.get(lastWinterHour).text
            #expect(page.contains("28 mars 2027 à 1 h 30") && page.contains("il reste environ 71 h"))
            #expect(page.contains("échéance : 31 mars 2027 à 2 h 30"))
            // 02:30 does not exist that night: read as 01:30 UTC (RFC 5545), which clocks showed as 03:30.
            let inTheGap = try await record("2027-03-28T02:30")
            page = try await alice.get(inTheGap).text
            #expect(page.contains("28 mars 2027 à 3 h 30") && page.contains("il reste environ 72 h"))
            // The edit form gives the moment back as the French clock read it.
            #expect(try await alice.get(lastWinterHour + "/modifier").text.contains(#"value="2027-03-28T01:30""#))
            // The list of breaches uses the same clock.
            let list = try await alice.get(base + "/violations").text
            #expect(list.contains("27 mars 2027 à 23 h 30") && list.contains("28 mars 2027 à 3 h 30"))
        }
    }
}
