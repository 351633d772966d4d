/// A document an association can use at once (the notice of its membership form, its website's legal
/// notice, a digital charter for its volunteers): a title and blocks of text, written out as Markdown
/// to edit, or shown by the site as a page to print. Passages the association must complete are in
/// square brackets.
public struct AssociationDocument: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case privacyNotice = "mentions-adhesion"
        case legalNotice = "mentions-legales"
        case charter = "charte-numerique"
    }

    public enum Block: Sendable, Equatable {
        case heading(String)
        case paragraph(String)
        case list([String])
    }

    public let kind: Kind
    public let title: String
    /// What the document is for and what to do with it: shown on the site, not written in the document.
    public let lead: String
    public let blocks: [Block]

    /// The document as Markdown: the association's own words are escaped, so a name with a star or a
    /// bracket stays text.
    public func markdown() -> String {
        var lines = ["# " + Self.escape(title), ""]
        for block in blocks {
            switch block {
            case .heading(let text): lines += ["## " + Self.escape(text), ""]
            case .paragraph(let text): lines += [Self.escape(text), ""]
            case .list(let items): lines += items.map { "- " + Self.escape($0) } + [""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown's punctuation written as itself (CommonMark: any ASCII punctuation may be escaped).
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text.replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_{}[]<>()#+-!|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
