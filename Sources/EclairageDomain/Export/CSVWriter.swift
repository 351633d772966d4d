/// CSV as RFC 4180 asks (comma, double quotes, CRLF), with cells that a spreadsheet would take for
/// a formula (starting with = + - @) neutralised by a leading apostrophe — but for signed numbers such as
/// phone numbers in international form ("+33247000000"), which are data, not formulas. French spreadsheets (Excel
/// set to French) expect a semicolon: `separator: ";"`.
public enum CSVWriter {
    public static func line(_ cells: [String], separator: Character = ",") -> String {
        cells.map { cell($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    static func cell(_ value: String, separator: Character = ",") -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), !isSignedNumber(text) { text = "'" + text }
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func isSignedNumber(_ text: String) -> Bool {
        guard let first = text.first, first == "+" || first == "-", text.count > 1 else { return false }
        return text.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
    }
}
