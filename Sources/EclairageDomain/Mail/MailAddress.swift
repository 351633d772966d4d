import Foundation

/// A sender as a mail header names it: an optional display name and the bare address.
/// `MAIL_FROM` is read into one of these once, at start: the `From:` header shows both parts,
/// an iCalendar `ORGANIZER` takes the address alone, and a `Message-ID` the address's domain.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public let name: String?
    public let address: String

    public init(name: String?, address: String) {
        let trimmed = name?.trimmingCharacters(in: .whitespaces)
        self.name = trimmed?.isEmpty == false ? trimmed : nil
        self.address = address
    }

    /// `Name <address>`, `"Name" <address>` or a bare `address`; nil when the address is not one
    /// (no `@`, spaces, a line break, a name with no closing `>`…).
    public static func parse(_ text: String) -> MailAddress? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 0x20 } == true }) else { return nil }
        var name: String?
        var address = text
        if text.hasSuffix(">") {
            guard let open = text.lastIndex(of: "<") else { return nil }
            address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            var display = text[..<open].trimmingCharacters(in: .whitespaces)
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
                display = String(display.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            name = display
        }
        // One `@` with something on each side (`localhost` is a domain here), nothing a header would
        // read as a separator or a comment.
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.count <= 254,
            !address.contains(where: { $0.isWhitespace || "<>\"(),:;[]\\".contains($0) })
        else { return nil }
        return MailAddress(name: name, address: address)
    }

    /// What follows the `@`.
    public var domain: String { address.split(separator: "@").last.map(String.init) ?? address }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }
}
