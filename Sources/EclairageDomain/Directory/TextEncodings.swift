/// Checks, chunk by chunk, that bytes are well-formed UTF-8 (a sequence may straddle two chunks).
struct UTF8Validator {
    private var pending = 0
    private(set) var isValid = true

    /// False as soon as the bytes cannot be UTF-8.
    mutating func feed<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        for byte in bytes {
            if pending > 0 {
                guard byte & 0xC0 == 0x80 else {
                    isValid = false
                    return false
                }
                pending -= 1
            } else if byte >= 0x80 {
                switch byte {
                case 0xC2...0xDF: pending = 1
                case 0xE0...0xEF: pending = 2
                case 0xF0...0xF4: pending = 3
                default:
                    isValid = false
                    return false
                }
            }
        }
        return true
    }
}

/// Windows-1252, the encoding French spreadsheets save "CSV" in; it is Latin-1 but for 0x80–0x9F.
enum Windows1252 {
    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte), let value = high[Int(byte - 0x80)], let scalar = Unicode.Scalar(value) {
            return scalar
        }
        return Unicode.Scalar(byte)
    }

    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil,
        0x017E, 0x0178,
    ]
}
