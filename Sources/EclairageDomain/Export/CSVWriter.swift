/// CSV as RFC 4180 asks (comma, double quotes, CRLF), with cells that a spreadsheet would take for
/// a formula (starting with = + - @) neutralised by a leading apostrophe. French spreadsheets (Excel
/// set to French) expect a semicolon: `separator: ";"`.
public enum CSVWriter {
    public static func line(_ cells: [String], separator: Character = ",") -> String {
        cells.map { cell($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    static func cell(_ value: String, separator: Character = ",") -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
