import Foundation
import HummingbirdTesting

/// A person's way through the site as the issue counts it: pages opened by following the links a page
/// shows and by sending the forms it shows (with the values the form already holds, changed where the
/// person types), never by typing an address except the first. A sent form and the page it leads to
/// count as one page; a form that comes back with errors counts as a page and a refused submit.
final class Journey: @unchecked Sendable {
    let browser: Browser
    private(set) var page: Browser.Page
    private(set) var pages = 0
    private(set) var refusedSubmits = 0
    /// Every path opened, in order, for the failure messages.
    private(set) var trail: [String] = []

    init(_ browser: Browser, start: String) async throws {
        self.browser = browser
        page = try await browser.get(start)
        pages = 1
        trail = [start]
    }

    struct NotOnPage: Error, CustomStringConvertible {
        let what: String
        let trail: [String]
        var description: String { "\(what) not found on the page after \(trail.joined(separator: " → "))" }
    }

    /// Follows the first link whose visible text contains `text`.
    func follow(_ text: String) async throws {
        let links = page.raw.matches(of: /<a\b[^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/.dotMatchesNewlines())
        guard
            let link = links.first(where: { Self.visibleText(String($0.output.2)).contains(text) })
        else { throw NotOnPage(what: "a link “\(text)”", trail: trail) }
        try await open(Self.decodeEntities(String(link.output.1)))
    }

    /// Opens a path: a link the test found itself (a mail's link, a bookmark).
    func open(_ path: String) async throws {
        page = try await browser.get(Self.withoutFragment(path))
        pages += 1
        trail.append(path)
    }

    /// Sends the form whose action contains `action` (the first form with fields when nil), with the
    /// values it holds, the `typed` ones replacing them (a name given several times sends each value, as
    /// ticked boxes do). Follows the redirect; returns the answer to the POST.
    @discardableResult
    func send(_ typed: [(String, String)], action: String? = nil) async throws -> Browser.Page {
        // The page's own forms, not the header's (signing out).
        let main = page.raw.range(of: "<main").map { String(page.raw[$0.lowerBound...]) } ?? page.raw
        let forms = main.matches(of: /<form\b([^>]*)>(.*?)<\/form>/.dotMatchesNewlines()).map {
            (attributes: String($0.output.1), body: String($0.output.2))
        }
        guard
            let form = forms.first(where: { form in
                guard let action else { return form.body.contains("name=\"") && !form.attributes.contains("get") }
                return Self.attribute("action", in: form.attributes)?.contains(action) == true
            }), let target = Self.attribute("action", in: form.attributes)
        else { throw NotOnPage(what: "a form to \(action ?? "send")", trail: trail) }
        let typedNames = Set(typed.map(\.0))
        let fields = Self.values(of: form.body).filter { !typedNames.contains($0.0) && $0.0 != "_csrf" } + typed
        let answer = try await browser.submit(Self.decodeEntities(target), pairs: fields)
        pages += 1
        trail.append("POST " + target)
        if answer.status == .seeOther, let location = answer.location {
            page = try await browser.get(Self.withoutFragment(location))
            trail.append(location)
        } else {
            if answer.status.code >= 400 { refusedSubmits += 1 }
            page = answer
        }
        return answer
    }

    /// The values a form sends as it stands: inputs (ticked boxes only), text areas, chosen options.
    static func values(of form: String) -> [(String, String)] {
        var values: [(String, String)] = []
        for input in form.matches(of: /<input\b([^>]*)>/) {
            let attributes = String(input.output.1)
            guard let name = attribute("name", in: attributes) else { continue }
            let type = attribute("type", in: attributes) ?? "text"
            if type == "submit" || type == "button" || type == "file" { continue }
            if (type == "checkbox" || type == "radio") && !attributes.contains(" checked") { continue }
            values.append(
                (name, decodeEntities(attribute("value", in: attributes) ?? (type == "checkbox" ? "on" : ""))))
        }
        for area in form.matches(of: /<textarea\b([^>]*)>(.*?)<\/textarea>/.dotMatchesNewlines()) {
            if let name = attribute("name", in: String(area.output.1)) {
                values.append((name, decodeEntities(String(area.output.2))))
            }
        }
        for select in form.matches(of: /<select\b([^>]*)>(.*?)<\/select>/.dotMatchesNewlines()) {
            guard let name = attribute("name", in: String(select.output.1)) else { continue }
            let options = String(select.output.2).matches(of: /<option\b([^>]*)>/).map { String($0.output.1) }
            if let chosen = options.first(where: { $0.contains(" selected") }) ?? options.first {
                values.append((name, decodeEntities(attribute("value", in: chosen) ?? "")))
            }
        }
        return values
    }

    /// A browser never sends the part after `#`.
    static func withoutFragment(_ path: String) -> String {
        path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
    }

    static func attribute(_ name: String, in attributes: String) -> String? {
        guard let range = attributes.range(of: " \(name)=\"") else { return nil }
        return String(attributes[range.upperBound...].prefix { $0 != "\"" })
    }

    static func visibleText(_ html: String) -> String {
        decodeEntities(html.replacing(/<[^>]+>/, with: "")).trimmingCharacters(in: .whitespacesAndNewlines).plain
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
