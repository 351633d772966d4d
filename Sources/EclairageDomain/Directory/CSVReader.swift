import Foundation

/// Reads a CSV file record by record, in bounded memory, the way spreadsheets write it: RFC 4180
/// quoting (fields over several lines included), `,` `;` or tab found from the header line, UTF-8
/// (with or without a byte-order mark) or, when the file is not valid UTF-8, Windows-1252/Latin-1.
/// Each record comes with the physical line it starts on, so a problem names the line a person sees
/// in a text editor. Written here rather than taken from a CSV package because none in our mirror
/// gives both the physical line numbers and the encoding fallback a report per row needs.
public struct CSVReader: Sendable {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", latin1 = "Windows-1252" }

    public let separator: UInt8
    public let encoding: Encoding
    let url: URL

    /// Looks at the file once (encoding, separator) without loading it.
    public init(url: URL) throws {
        self.url = url
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var validator = UTF8Validator()
        var header: [UInt8] = []
        var headerDone = false
        while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            if !headerDone {
                if let end = chunk.firstIndex(of: 0x0A) {
                    header += chunk[..<end]
                    headerDone = true
                } else {
                    header += chunk
                }
            }
            if !validator.feed(chunk) { break }
        }
        encoding = validator.isValid ? .utf8 : .latin1
        separator = Self.separator(of: header)
    }

    /// The most frequent of `,` `;` and tab outside quotes in the header line (`,` when none).
    static func separator(of header: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in header {
            if byte == 0x22 { quoted.toggle() } else if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        return (best?.value ?? 0) > 0 ? best!.key : 0x2C
    }

    /// The records one by one (`next()` reads the file as far as needed). Empty lines are skipped. A
    /// field longer than `maxField` bytes is cut, so memory stays bounded whatever the file.
    public func records(maxField: Int = 100_000) throws -> Records {
        try Records(
            handle: FileHandle(forReadingFrom: url),
            parser: Parser(separator: separator, encoding: encoding, maxField: maxField))
    }

    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
    }

    public final class Records {
        let handle: FileHandle
        var parser: Parser
        var ready: [Record] = []
        var index = 0
        var first = true
        var finished = false

        init(handle: FileHandle, parser: Parser) {
            self.handle = handle
            self.parser = parser
        }

        deinit { try? handle.close() }

        public func next() throws -> Record? {
            while index >= ready.count {
                if finished { return nil }
                ready.removeAll(keepingCapacity: true)
                index = 0
                if let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                    var bytes = [UInt8](chunk)
                    if first, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                    first = false
                    parser.feed(bytes) { ready.append($0) }
                } else {
                    parser.finish { ready.append($0) }
                    finished = true
                }
            }
            defer { index += 1 }
            return ready[index]
        }
    }

    struct Parser {
        let separator: UInt8
        let encoding: Encoding
        let maxField: Int
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var quoteSeen = false
        var line = 1
        var recordLine = 1
        var pendingCR = false

        init(separator: UInt8, encoding: Encoding, maxField: Int) {
            self.separator = separator
            self.encoding = encoding
            self.maxField = maxField
        }

        mutating func feed(_ bytes: [UInt8], _ body: (Record) -> Void) {
            for byte in bytes {
                if pendingCR {
                    pendingCR = false
                    if byte == 0x0A { continue }
                }
                if quoted {
                    if byte == 0x22 {
                        quoted = false
                        quoteSeen = true
                        continue
                    }
                    if byte == 0x0A {
                        line += 1
                    } else if byte == 0x0D {
                        line += 1
                        pendingCR = true
                        append(0x0A)
                        continue
                    }
                    append(byte)
                    continue
                }
                switch byte {
                case 0x22:
                    if quoteSeen { append(0x22) }  // "" inside a quoted field
                    quoted = true
                case separator:
                    endField()
                case 0x0A, 0x0D:
                    pendingCR = byte == 0x0D
                    endRecord(body)
                    line += 1
                    recordLine = line
                default:
                    append(byte)
                }
                quoteSeen = false
            }
        }

        mutating func finish(_ body: (Record) -> Void) {
            if !field.isEmpty || !fields.isEmpty { endRecord(body) }
        }

        mutating func append(_ byte: UInt8) {
            if field.count < maxField { field.append(byte) }
        }

        mutating func endField() {
            fields.append(decode(field))
            field.removeAll(keepingCapacity: true)
        }

        mutating func endRecord(_ body: (Record) -> Void) {
            endField()
            defer { fields.removeAll(keepingCapacity: true) }
            if fields.count == 1, fields[0].isEmpty { return }
            body(Record(line: recordLine, fields: fields))
        }

        func decode(_ bytes: [UInt8]) -> String {
            switch encoding {
            case .utf8: String(decoding: bytes, as: UTF8.self)
            case .latin1: String(String.UnicodeScalarView(bytes.map { Windows1252.scalar($0) }))
            }
        }
    }
}
