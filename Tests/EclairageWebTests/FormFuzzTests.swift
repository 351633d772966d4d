import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Forms and query parameters as the pages themselves offer them: every page of `pages.tsv` is read,
/// its forms and links parsed, and every numeric field (a number input, `inputmode="numeric"`, a
/// choice or hidden field whose values are whole numbers, a numeric query parameter) is sent extreme
/// values. Nothing is listed by hand: a new form is covered as soon as a page shows it.
@Suite("Extreme numbers and malformed bodies, on every form the pages offer")
struct FormFuzzTests {
    static let extremes = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1", "1e30", "NaN", "-0", " 7 ",
        String(repeating: "9", count: 400),
    ]

    struct Form {
        var method: String
        var action: String
        /// Fields as the page fills them (the anti-forgery token left out: the browser adds it).
        var fields: [(String, String)]
        var numeric: Set<String>
    }

    static func attributes(_ tag: Substring) -> [String: String] {
        var found: [String: String] = [:]
        for match in tag.matches(of: /([a-zA-Z_:-]+)="([^"]*)"/) { found[String(match.1)] = unescape(String(match.2)) }
        for match in tag.matches(of: /\s(checked|selected|disabled)(?=[\s>\/])/) { found[String(match.1)] = "" }
        return found
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func isWholeNumber(_ text: String) -> Bool { !text.isEmpty && Int(text) != nil }

    /// What a person would type in an empty field, so that the other fields pass and the extreme value
    /// reaches the code that uses it (a training's sessions are computed only from a valid start).
    static func typical(type: String, inputMode: String?, now: Int64) -> String {
        let day = ParisTime(unixTime: now + 20 * 86_400)
        switch type {
        case "datetime-local": return String(format: "%04d-%02d-%02dT10:00", day.year, day.month, day.day)
        case "date": return String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
        case "email": return "essai@example.org"
        default: return ["numeric", "decimal"].contains(inputMode ?? "") ? "30" : ""
        }
    }

    /// The forms of a page, with the values a browser would send (empty fields filled as a person would).
    static func forms(in html: String, page: String, now: Int64 = 0) -> [Form] {
        html.matches(of: /(?s)<form([^>]*)>(.*?)<\/form>/).map { match in
            let attributes = attributes(match.1)
            var form = Form(
                method: (attributes["method"] ?? "get").lowercased(), action: attributes["action"] ?? page, fields: [],
                numeric: [])
            var radios: [String: [(value: String, checked: Bool)]] = [:]
            for input in match.2.matches(of: /<input([^>]*)>/) {
                let input = Self.attributes(input.1)
                guard let name = input["name"], name != CSRFMiddleware.fieldName, input["disabled"] == nil else {
                    continue
                }
                let type = input["type"] ?? "text"
                var value = input["value"] ?? ""
                if value.isEmpty { value = typical(type: type, inputMode: input["inputmode"], now: now) }
                switch type {
                case "checkbox": if input["checked"] != nil { form.fields.append((name, value.isEmpty ? "on" : value)) }
                case "radio": radios[name, default: []].append((value, input["checked"] != nil))
                case "file", "password", "submit": continue
                default: form.fields.append((name, value))
                }
                if ["number", "range"].contains(type) || ["numeric", "decimal"].contains(input["inputmode"] ?? "")
                    || (type == "hidden" && isWholeNumber(value))
                {
                    form.numeric.insert(name)
                }
            }
            for (name, options) in radios {
                form.fields.append((name, (options.first { $0.checked } ?? options[0]).value))
                if options.allSatisfy({ isWholeNumber($0.value) }) { form.numeric.insert(name) }
            }
            for select in match.2.matches(of: /(?s)<select([^>]*)>(.*?)<\/select>/) {
                guard let name = Self.attributes(select.1)["name"] else { continue }
                let options = select.2.matches(of: /<option([^>]*)>/).map { Self.attributes($0.1) }
                let values = options.map { $0["value"] ?? "" }
                form.fields.append(
                    (name, (options.first { $0["selected"] != nil }?["value"]) ?? values.first { !$0.isEmpty } ?? ""))
                if values.contains(where: isWholeNumber), values.allSatisfy({ $0.isEmpty || isWholeNumber($0) }) {
                    form.numeric.insert(name)
                }
            }
            for area in match.2.matches(of: /(?s)<textarea([^>]*)>(.*?)<\/textarea>/) {
                if let name = Self.attributes(area.1)["name"] { form.fields.append((name, unescape(String(area.2)))) }
            }
            if let button = match.2.matches(of: /<button([^>]*)>/).map({ Self.attributes($0.1) }).first(where: {
                $0["name"] != nil
            }) {
                form.fields.append((button["name"]!, button["value"] ?? ""))
            }
            return form
        }
    }

    /// Links of the page to this site with a numeric query parameter: (path, parameters).
    static func numericLinks(in html: String) -> [(String, [(String, String)])] {
        html.matches(of: /href="(\/[^"?#]*)\?([^"#]+)"/).compactMap { match in
            let pairs = unescape(String(match.2)).split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).removingPercentEncoding ?? String($0)
                }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }
            return pairs.contains { isWholeNumber($0.1) } ? (String(match.1), pairs) : nil
        }
    }

    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { Browser.encode([$0.0: $0.1]) }.joined(separator: "&")
    }

    @Test(
        "Every numeric field and query parameter takes Int.max, Int.min, -1, 1e30, NaN and 400 digits: a message or a 400, never a 5xx"
    )
    func extremeNumbers() async throws {
        try await withApp { app in
            let fixture = try await SnapshotTests.fixture(app)
            var tried = 0
            var numericFields: Set<String> = []
            var seenLinks: Set<String> = []
            for row in try SnapshotTests.rows() where row.template != "error" {
                var path = row.path
                for (name, value) in fixture.values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                let browser = row.who == "member" ? fixture.member : fixture.visitor
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path) no longer shows: the fixture was changed by an earlier request")
                for form in Self.forms(in: page.raw, page: path, now: app.now()) {
                    for field in form.numeric.sorted() {
                        numericFields.insert("\(form.method) \(form.action.prefix { $0 != "?" }) \(field)")
                        for value in Self.extremes {
                            let fields = form.fields.map { $0.0 == field ? ($0.0, value) : $0 }
                            let answer =
                                form.method == "post"
                                ? try await browser.submit(form.action, pairs: fields)
                                : try await browser.get(form.action.prefix { $0 != "?" } + "?" + Self.query(fields))
                            tried += 1
                            #expect(
                                answer.status.code < 500,
                                "\(form.method) \(form.action) \(field)=\(value.prefix(30)) → \(answer.status.code)")
                            if form.method == "post" && answer.status == .ok {
                                #expect(
                                    answer.raw.contains("role=\"alert\""),
                                    "\(form.action) \(field)=\(value.prefix(30)): 200 without a message")
                            }
                        }
                    }
                }
                for (target, pairs) in Self.numericLinks(in: page.raw) {
                    for (name, value) in pairs
                    where Self.isWholeNumber(value) && seenLinks.insert("\(target) \(name)").inserted {
                        for extreme in Self.extremes {
                            let answer = try await browser.get(
                                target + "?" + Self.query(pairs.map { $0.0 == name ? (name, extreme) : $0 }))
                            tried += 1
                            #expect(
                                answer.status.code < 500,
                                "GET \(target) \(name)=\(extreme.prefix(30)) → \(answer.status.code)")
                        }
                    }
                }
            }
            // the training form's numbers and the list pages' are among those found
            for field in [
                "post /agenda/nouvelle duration", "post /agenda/nouvelle count", "post /agenda/nouvelle capacity",
                "post /agenda/nouvelle every",
            ] {
                #expect(numericFields.contains(field), "\(field) not found on any page: \(numericFields.sorted())")
            }
            #expect(seenLinks.contains { $0.hasSuffix(" page") }, "no paginated list link found")
            #expect(tried > 200)
        }
    }

    @Test(
        "A training with Int.max minutes or an Int.max cycle gets the form back with its messages; nothing is created")
    func trainingNumbers() async throws {
        try await withApp { app in
            let fixture = try await SnapshotTests.fixture(app)
            let day = ParisTime(unixTime: app.now() + 20 * 86_400)
            let start = String(format: "%04d-%02d-%02dT10:00", day.year, day.month, day.day)
            let before = try await app.services.database.read {
                try await CalendarQueries.sessions(of: fixture.values["training"]!, in: $0)
            }.count
            for (field, value, message) in [
                ("duration", "9223372036854775807", "durée"), ("every", "9223372036854775807", "répétition"),
                ("count", "9223372036854775807", "séances"),
                ("duration", "-9223372036854775808", "durée"),
                ("capacity", String(repeating: "9", count: 400), "places"),
            ] {
                var fields = [
                    "place": fixture.values["place"]!, "title": "Atelier", "kind": "atelier", "description": "",
                    "location": "", "online_url": "",
                    "start": start, "duration": "90", "every": "7", "count": "2", "capacity": "8",
                ]
                fields[field] = value
                let page = try await fixture.member.submit("/agenda/nouvelle", fields)
                #expect(page.status == .unprocessableContent || page.status == .ok, "\(field)=\(value.prefix(20))")
                #expect(page.text.contains("role=\"alert\""))
                #expect(
                    SnapshotTests.messages(page.text).contains { $0.lowercased().contains(message) },
                    "\(field): \(SnapshotTests.messages(page.text))")
            }
            // every count still 1 training (the fixture's) with its sessions
            let after = try await app.services.database.read {
                try await CalendarQueries.sessions(of: fixture.values["training"]!, in: $0)
            }.count
            #expect(after == before)
        }
    }

    @Test("A body that does not decode is a 400 on every form, and a diagnostic page keeps its saved answers")
    func malformedBodies() async throws {
        try await withApp { app in
            let fixture = try await SnapshotTests.fixture(app)
            var actions: Set<String> = []
            for row in try SnapshotTests.rows() where row.template != "error" {
                var path = row.path
                for (name, value) in fixture.values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                let browser = row.who == "member" ? fixture.member : fixture.visitor
                let page = try await browser.get(path)
                for form in Self.forms(in: page.raw, page: path)
                where form.method == "post" && actions.insert(form.action).inserted {
                    let token = try await browser.csrfToken()
                    let name = form.fields.first?.0 ?? "x"
                    for body in [
                        "_csrf=\(token)&\(name)=%ZZneuf", "_csrf=\(token)&\(name)=%FF%FE", "_csrf=\(token)&%E2%82=1",
                    ] {
                        let answer = try await browser.post(form.action, body: body)
                        #expect(
                            answer.status == .badRequest, "\(form.action) \(body.suffix(12)) → \(answer.status.code)")
                    }
                    var bytes = ByteBuffer(string: "_csrf=\(token)&\(name)=")
                    bytes.writeBytes([0xC3, 0x28])
                    #expect(
                        try await browser.post(form.action, bytes: bytes).status == .badRequest,
                        "\(form.action) raw non-UTF-8")
                }
            }
            #expect(actions.count > 20)
            // the diagnostic's first page: answers saved, then a garbled field changes nothing
            let diagnostic = fixture.values["diagnostic"]!
            let before = try await app.services.database.read {
                try await DiagnosticQueries.answers(of: diagnostic, in: $0)
            }
            #expect(!before.choices.isEmpty)
            let page = try await fixture.member.get("/diagnostics/\(diagnostic)/etape/1")
            let token = try #require(page.csrfToken)
            let question = try #require(app.services.questionnaire.pages[0].questionIDs.first)
            let answer = try await fixture.member.post(
                "/diagnostics/\(diagnostic)/etape/1", body: "_csrf=\(token)&q.\(question)=%ZZneuf&direction=next")
            #expect(answer.status == .badRequest)
            #expect(answer.text.contains("abîmé"))
            let after = try await app.services.database.read {
                try await DiagnosticQueries.answers(of: diagnostic, in: $0)
            }
            #expect(after == before)
        }
    }

    @Test("The upload's fields other than the file are bounded: a body of fields is refused with 413, nothing staged")
    func uploadFields() async throws {
        try await withApp { app in
            let fixture = try await SnapshotTests.fixture(app)
            let token = try await fixture.member.csrfToken()
            let staged = try await app.services.database.read {
                try await $0.select().column("id").from("directory_imports").all().count
            }
            for (parts, size) in [(1, 50_000), (400, 100)] {
                let boundary = "----eclairage-test-boundary-9a2e"
                var body = ByteBuffer()
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
                for index in 0..<parts {
                    body.writeString(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"note\(index)\"\r\n\r\n\(String(repeating: "x", count: size))\r\n"
                    )
                }
                body.writeString(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nid,nom\r\n"
                )
                body.writeString("\r\n--\(boundary)--\r\n")
                var headers = HTTPFields()
                headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                let page = try await fixture.member.send("/admin/annuaire", headers: headers, body: body)
                #expect(page.status == .contentTooLarge, "\(parts) parts of \(size) bytes → \(page.status.code)")
            }
            let after = try await app.services.database.read {
                try await $0.select().column("id").from("directory_imports").all().count
            }
            #expect(after == staged)
        }
    }
}
