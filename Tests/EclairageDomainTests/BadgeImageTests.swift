import Foundation
import Testing

@testable import EclairageDomain

/// Badges' pictures and baking: the PNG header and SVG viewBox read, the iTXt chunk written with its
/// CRC and read back, dates with their offset, addresses typed for an award.
@Suite("Badges: pictures, baking, dates")
struct BadgeImageTests {
    /// A PNG of `width` × `height` (header, one empty data chunk, end), CRCs computed independently.
    static func png(width: UInt32, height: UInt32, padding: Int = 0) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] {
            [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            be(UInt32(data.count)) + Array(type.utf8) + data + be(crc(Array(type.utf8) + data))
        }
        let header = be(width) + be(height) + [8, 6, 0, 0, 0]
        return [137, 80, 78, 71, 13, 10, 26, 10] + chunk("IHDR", header)
            + chunk("IDAT", Array(repeating: 0, count: padding))
            + chunk("IEND", [])
    }

    /// CRC-32 bit by bit (no table), to check the table-driven one.
    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = (c >> 1) ^ (c & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~c
    }

    /// The chunks of a PNG, walked by hand: (type, data, stored CRC).
    static func walk(_ bytes: [UInt8]) -> [(String, [UInt8], UInt32)] {
        var chunks: [(String, [UInt8], UInt32)] = []
        var at = 8
        func u32(_ i: Int) -> UInt32 { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        while at + 12 <= bytes.count {
            let length = Int(u32(at))
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            chunks.append((type, Array(bytes[(at + 8)..<(at + 8 + length)]), u32(at + 8 + length)))
            at += 12 + length
        }
        return chunks
    }

    @Test("The CRC-32 of IEND is the one every PNG ends with")
    func crcOfEnd() {
        #expect(PNGFile.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGFile.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test(
        "Baking adds one uncompressed iTXt chunk `openbadges` before IEND, with a right CRC; baking again replaces it")
    func baking() throws {
        let original = Self.png(width: 64, height: 64)
        let json = #"{"id":"https://exemple.fr/badges/assertions/abc","type":"Assertion"}"#
        let baked = try PNGFile.bake(try PNGFile.bake(original, text: "ancien"), text: json)
        let chunks = Self.walk(baked)
        #expect(chunks.map(\.0) == ["IHDR", "IDAT", "iTXt", "IEND"])
        let (_, data, stored) = chunks[2]
        #expect(stored == Self.crc(Array("iTXt".utf8) + data))
        // keyword, NUL, compression flag 0, method 0, empty language, NUL, empty translated keyword, NUL, text
        #expect(data == Array("openbadges".utf8) + [0, 0, 0, 0, 0] + Array(json.utf8))
        #expect(PNGFile.bakedText(baked) == json)
        #expect(try PNGFile.chunks(baked).allSatisfy(\.crcMatches))
        #expect(PNGFile.bakedText(original) == nil)
    }

    @Test("A picture: PNG or SVG, square, at most 256 kB; anything else says why")
    func pictures() {
        #expect((try? BadgeImage.check(Self.png(width: 128, height: 128)).get())?.kind == .png)
        #expect(BadgeImage.check(Self.png(width: 128, height: 100)) == .failure(.notSquare))
        #expect(BadgeImage.check(Self.png(width: 10, height: 10, padding: 256 * 1024)) == .failure(.tooLarge))
        #expect(BadgeImage.check(Array("GIF89a".utf8)) == .failure(.unknownFormat))
        #expect(BadgeImage.check([]) == .failure(.empty))
        let square =
            #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle r="40"/></svg>"#
        #expect((try? BadgeImage.check(Array(square.utf8)).get())?.kind == .svg)
        let wide = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"></svg>"#
        #expect(BadgeImage.check(Array(wide.utf8)) == .failure(.notSquare))
        let sized = #"<svg xmlns="http://www.w3.org/2000/svg" width="64px" height="64"></svg>"#
        #expect((try? BadgeImage.check(Array(sized.utf8)).get())?.width == 64)
        let unsized = #"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#
        #expect(BadgeImage.check(Array(unsized.utf8)) == .failure(.unreadableSize))
    }

    @Test("A baked SVG carries the namespace and one openbadges:assertion element with the address and the JSON")
    func svgBaking() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#
        let baked = try #require(SVGFile.bake(svg, assertionURL: "https://e.fr/a?x=1&y=2", json: #"{"a":"]]>"}"#))
        #expect(baked.hasPrefix(#"<svg xmlns:openbadges="http://openbadges.org" xmlns="#))
        #expect(
            baked.contains(
                #"<openbadges:assertion verify="https://e.fr/a?x=1&amp;y=2"><![CDATA[{"a":"]]]]><![CDATA[>"}]]></openbadges:assertion><rect"#
            ))
    }

    @Test("Dates are ISO 8601 with the offset of Paris: +01:00 in winter, +02:00 in summer")
    func dates() {
        #expect(OpenBadges.date(1_794_906_000) == "2026-11-17T10:00:00+01:00")
        #expect(OpenBadges.date(1_781_683_200) == "2026-06-17T10:00:00+02:00")
    }

    @Test("Addresses for an award: one a line or separated by commas, normalised, once each; the others apart")
    func recipients() {
        let (valid, invalid) = BadgeForms.recipients(
            "Lea@Example.org\nlea@example.org, paul@example.org;\n\npas-une-adresse")
        #expect(valid == ["lea@example.org", "paul@example.org"])
        #expect(invalid == ["pas-une-adresse"])
    }

    @Test("A badge class's alignment is all or nothing")
    func alignment() {
        let partial = BadgeForms.BadgeClass(
            name: "A", description: "B", criteria: "C", framework: "PIX", targetName: "", targetURL: "")
        #expect(partial.errors()["target_name"] == "badges.error.target_name")
        #expect(partial.errors()["target_url"] == "badges.error.url")
        let whole = BadgeForms.BadgeClass(
            name: "A", description: "B", criteria: "C", framework: "PIX", targetName: "1.1", targetURL: "https://pix.fr"
        )
        #expect(whole.errors().isEmpty)
        #expect(whole.alignment == .init(targetName: "1.1", targetUrl: "https://pix.fr", targetFramework: "PIX"))
    }
}
