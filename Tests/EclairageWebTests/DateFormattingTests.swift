import Foundation
import Testing

@testable import EclairageWeb

@Suite("Dates in plain words")
struct DateFormattingTests {
    @Test(
        "French and English days, in Paris time",
        arguments: [
            (Int64(0), "1er janvier 1970", "1 January 1970"),
            (Int64(1_795_300_000), "21 novembre 2026", "21 November 2026"),
            (Int64(951_782_400), "29 février 2000", "29 February 2000"),
            // 23:00 UTC on 31 Dec is already the 1st in Paris
            (Int64(1_767_222_000), "1er janvier 2026", "1 January 2026"),
        ])
    func day(seconds: Int64, french: String, english: String) {
        #expect(DateFormatting.day(seconds, language: .fr) == french)
        #expect(DateFormatting.day(seconds, language: .en) == english)
    }

    @Test(
        "With the time, in Paris time (summer and winter)",
        arguments: [
            (Int64(1_767_222_000), "1er janvier 2026 à 0\u{A0}h\u{A0}00", "1 January 2026, 0:00"),
            (Int64(1_783_335_900), "6 juillet 2026 à 13\u{A0}h\u{A0}05", "6 July 2026, 13:05"),
        ])
    func dayAndTime(seconds: Int64, french: String, english: String) {
        #expect(DateFormatting.dayAndTime(seconds, language: .fr) == french)
        #expect(DateFormatting.dayAndTime(seconds, language: .en) == english)
    }
}
