/// The PNG container, as much as a badge needs: the signature, the header's size, the chunks, and baking
/// (one uncompressed `iTXt` chunk, keyword `openbadges`, inserted before `IEND`). The CRC-32 of each
/// chunk is computed here: the one checksum PNG uses (ISO 3309, polynomial 0xEDB88320), a dozen lines,
/// where no package of the mirror offers it without bringing zlib's bindings for this alone.
public enum PNGFile {
    public static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    public struct Chunk: Sendable, Equatable {
        public let type: String
        public let data: [UInt8]
        /// Whether the CRC stored in the file matches the chunk's type and data.
        public let crcMatches: Bool
    }

    public enum Problem: Error, Sendable, Equatable { case notPNG, truncated, noEnd }

    public static func hasSignature(_ bytes: [UInt8]) -> Bool { bytes.starts(with: signature) }

    /// Width and height from the header chunk, which PNG requires first.
    public static func size(_ bytes: [UInt8]) -> (width: UInt32, height: UInt32)? {
        guard hasSignature(bytes), bytes.count >= 33, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return (readUInt32(bytes, at: 16), readUInt32(bytes, at: 20))
    }

    /// Every chunk in order; fails on a file cut short or without `IEND`.
    public static func chunks(_ bytes: [UInt8]) throws(Problem) -> [Chunk] {
        guard hasSignature(bytes) else { throw .notPNG }
        var chunks: [Chunk] = []
        var offset = signature.count
        while offset + 12 <= bytes.count {
            let length = Int(readUInt32(bytes, at: offset))
            let end = offset + 12 + length
            guard length >= 0, end <= bytes.count else { throw .truncated }
            let typeBytes = Array(bytes[(offset + 4)..<(offset + 8)])
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let stored = readUInt32(bytes, at: offset + 8 + length)
            let type = String(decoding: typeBytes, as: UTF8.self)
            chunks.append(Chunk(type: type, data: data, crcMatches: stored == crc32(typeBytes + data)))
            offset = end
            if type == "IEND" { return chunks }
        }
        throw .noEnd
    }

    /// The PNG with one `iTXt` chunk (keyword `openbadges`, no compression, no language) holding
    /// `text`, before `IEND`; any `openbadges` text chunk already there is dropped, so a badge is
    /// never baked twice.
    public static func bake(_ bytes: [UInt8], text: String) throws(Problem) -> [UInt8] {
        let chunks = try chunks(bytes)
        var out = signature
        for chunk in chunks {
            if chunk.type == "IEND" { out += encode(type: "iTXt", data: iTXt(keyword: "openbadges", text: text)) }
            if chunk.type == "iTXt" || chunk.type == "tEXt", keyword(of: chunk) == "openbadges" { continue }
            out += encode(type: chunk.type, data: chunk.data)
        }
        return out
    }

    /// The baked text: the `openbadges` iTXt chunk's text, if there is one (and it is uncompressed).
    public static func bakedText(_ bytes: [UInt8]) -> String? {
        guard let chunks = try? chunks(bytes),
            let chunk = chunks.first(where: { $0.type == "iTXt" && keyword(of: $0) == "openbadges" })
        else { return nil }
        // keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
        var parts = chunk.data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count >= 2, parts[1].first == 0 else { return nil }
        var rest = Array(parts[1].dropFirst(2))
        for _ in 0..<2 {
            parts = rest.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            rest = Array(parts[1])
        }
        return String(validating: rest, as: UTF8.self)
    }

    static func keyword(of chunk: Chunk) -> String {
        String(decoding: chunk.data.prefix { $0 != 0 }, as: UTF8.self)
    }

    static func iTXt(keyword: String, text: String) -> [UInt8] {
        Array(keyword.utf8) + [0, 0, 0] + [0] + [0] + Array(text.utf8)
    }

    static func encode(type: String, data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return uint32(UInt32(data.count)) + typeBytes + data + uint32(crc32(typeBytes + data))
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func uint32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
