import Foundation

/// Header fields as the mail standards want them. Text that is not plain printable ASCII (a
/// French subject, `Éclairage` as a sender's name) goes as RFC 2047 encoded words
/// (`=?UTF-8?B?…?=`), each at most 75 characters and on a line of its own, so that no line passes
/// RFC 5322's 78 characters; a reader joins the words back without the folding spaces. A value
/// never carries a line break of its own (no header injection).
public enum MailHeader {
    /// RFC 5322 §2.1.1: a line SHOULD be at most 78 characters, its line break excluded.
    public static let lineLimit = 78
    /// RFC 2047 §2: an encoded word is at most 75 characters.
    public static let wordLimit = 75

    /// An unstructured field (`Subject:`), as its lines: the value as it is when it is printable
    /// ASCII and fits on one line, encoded words otherwise.
    public static func unstructured(_ name: String, _ value: String) -> [String] {
        let value = singleLine(value)
        let head = name + ": "
        if value.unicodeScalars.allSatisfy(isPrintableASCII), !value.contains("=?"),
            head.count + value.count <= lineLimit
        {
            return [head + value]
        }
        return fold(head, encodedWords(value, firstLimit: min(wordLimit, lineLimit - head.count)))
    }

    /// A mailbox field (`From:`): the display name (plain words as they are, anything else as encoded
    /// words), then `<address>`, on the same line when it fits.
    public static func mailbox(_ name: String, _ mailbox: MailAddress) -> [String] {
        let head = name + ": "
        let address = bareAddress(mailbox.address)
        guard let display = mailbox.name.map(singleLine), !display.isEmpty else { return [head + address] }
        var lines: [String]
        if isPlainPhrase(display), head.count + display.count <= lineLimit {
            lines = [head + display]
        } else {
            lines = fold(head, encodedWords(display, firstLimit: min(wordLimit, lineLimit - head.count)))
        }
        if lines[lines.count - 1].count + address.count + 3 <= lineLimit {
            lines[lines.count - 1] += " <\(address)>"
        } else {
            lines.append(" <\(address)>")
        }
        return lines
    }

    /// `text` as UTF-8 "B" encoded words, cut between characters (never inside one), the first at
    /// most `firstLimit` characters long (room for the field's name), the others at most 75.
    public static func encodedWords(_ text: String, firstLimit: Int = wordLimit) -> [String] {
        let prefix = "=?UTF-8?B?"
        let suffix = "?="
        // Base64 writes 4 characters per 3 bytes.
        func capacity(_ limit: Int) -> Int { max(4, (limit - prefix.count - suffix.count) / 4 * 3) }
        func word(_ bytes: [UInt8]) -> String { prefix + Data(bytes).base64EncodedString() + suffix }
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = firstLimit
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > capacity(limit) {
                words.append(word(chunk))
                chunk = []
                limit = wordLimit
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    /// `Sun, 06 Dec 2026 10:04:08 +0000` (RFC 5322 §3.3), in UTC.
    public static func date(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        // Days to the civil date (Howard Hinnant's algorithm), the year starting in March.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1 January 1970 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[Int(((days % 7) + 7) % 7)]), \(two(day)) \(months[Int(month - 1)]) \(year) "
            + "\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) +0000"
    }

    /// `<random@domain>`: unique by its random part, under the sender's domain (RFC 5322 §3.6.4).
    public static func messageID(random: String, sender: MailAddress) -> String {
        "<\(random)@\(bareAddress(sender.domain))>"
    }

    /// A `filename` parameter: quoted when it is plain ASCII, RFC 2231's `filename*=utf-8''…` otherwise.
    public static func fileNameParameter(_ name: String) -> String {
        let name = singleLine(name)
        if name.unicodeScalars.allSatisfy(isPrintableASCII), !name.contains("\""), !name.contains("\\") {
            return "filename=\"\(name)\""
        }
        let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
        let encoded = name.utf8.map {
            unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0)
        }.joined()
        return "filename*=utf-8''\(encoded)"
    }

    /// An address as a header takes it: no control characters, so nothing can start a new line.
    public static func bareAddress(_ address: String) -> String {
        String(String.UnicodeScalarView(address.unicodeScalars.filter { !isControl($0) }))
    }

    /// A value on one line: every control character (line breaks, tabs) becomes a space.
    static func singleLine(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    static func fold(_ head: String, _ words: [String]) -> [String] {
        [head + words[0]] + words.dropFirst().map { " " + $0 }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool { (0x20...0x7E).contains(scalar.value) }

    /// Words of RFC 5322 `atext` separated by single spaces: a phrase that needs neither quotes nor encoding.
    static func isPlainPhrase(_ text: String) -> Bool {
        let atext = Set(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars)
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        return !text.contains("=?") && words.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(atext.contains) }
    }
}
