import Foundation

/// A badge's picture as an issuer sends it: PNG or SVG, square, at most 256 kB. PNG is read from its
/// header chunk (IHDR, right after the signature); SVG from the `viewBox` of its root element (or its
/// `width` and `height` when it has none), so a file is judged by what it is, not by its name.
public struct BadgeImage: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case png, svg
        public var mediaType: String { self == .png ? "image/png" : "image/svg+xml" }
    }

    public enum Problem: String, Error, Sendable, Equatable {
        case empty, tooLarge, unknownFormat, notSquare, unreadableSize
    }

    public static let maxBytes = 256 * 1024

    public let kind: Kind
    public let bytes: [UInt8]
    public let width: Double
    public let height: Double

    public static func check(_ bytes: [UInt8]) -> Result<BadgeImage, Problem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge) }
        let size: (Double, Double)?
        let kind: Kind
        if PNGFile.hasSignature(bytes) {
            kind = .png
            size = PNGFile.size(bytes).map { (Double($0.width), Double($0.height)) }
        } else if let text = String(validating: bytes, as: UTF8.self), SVGFile.isSVG(text) {
            kind = .svg
            size = SVGFile.size(text)
        } else {
            return .failure(.unknownFormat)
        }
        guard let (width, height) = size, width > 0, height > 0 else { return .failure(.unreadableSize) }
        guard width == height else { return .failure(.notSquare) }
        return .success(BadgeImage(kind: kind, bytes: bytes, width: width, height: height))
    }
}

/// What an SVG file says of itself: whether its root is `<svg`, and its size.
public enum SVGFile {
    public static func isSVG(_ text: String) -> Bool { rootTag(text) != nil }

    /// The root element's opening tag, `<svg …>`, after any XML declaration, comments or doctype.
    public static func rootTag(_ text: String) -> Range<String.Index>? {
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].range(of: ">") else {
            return nil
        }
        let after = text[start.upperBound...].first
        guard after == " " || after == ">" || after == "\n" || after == "\t" || after == "\r" else { return nil }
        return start.lowerBound..<end.upperBound
    }

    /// The `viewBox`'s width and height, else the `width` and `height` attributes (plain numbers or px).
    public static func size(_ text: String) -> (Double, Double)? {
        guard let range = rootTag(text) else { return nil }
        let tag = String(text[range])
        if let box = attribute("viewBox", in: tag) {
            let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if numbers.count == 4 { return (numbers[2], numbers[3]) }
            return nil
        }
        func number(_ name: String) -> Double? {
            guard var value = attribute(name, in: tag) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value)
        }
        guard let width = number("width"), let height = number("height") else { return nil }
        return (width, height)
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        for quote in ["\"", "'"] {
            if let start = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)"),
                let end = tag[start.upperBound...].range(of: quote)
            {
                return String(tag[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The SVG with the assertion baked in (Open Badges 2.0 baking): the `openbadges` namespace on the
    /// root element and one `<openbadges:assertion verify="URL">` holding the assertion's JSON.
    public static func bake(_ text: String, assertionURL: String, json: String) -> String? {
        guard let range = rootTag(text) else { return nil }
        var tag = String(text[range])
        if !tag.contains("xmlns:openbadges") {
            let insertAt = tag.index(tag.startIndex, offsetBy: 4)
            tag.insert(contentsOf: " xmlns:openbadges=\"http://openbadges.org\"", at: insertAt)
        }
        let escapedURL = assertionURL.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        let safeJSON = json.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
        let element = "<openbadges:assertion verify=\"\(escapedURL)\"><![CDATA[\(safeJSON)]]></openbadges:assertion>"
        return String(text[..<range.lowerBound]) + tag + element + String(text[range.upperBound...])
    }
}
