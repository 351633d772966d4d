import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Every page of `Routes/pages.tsv` and the main form exchanges, whole, against the snapshots in
/// `Tests/Snapshots/` (see `Snapshot`). Every free text of the fixture is hostile, so each page that
/// shows user text also proves it comes out escaped.
@Suite("Snapshots: every page, the main exchanges")
struct SnapshotTests {
    /// Markup, quotes and a Mustache tag in every free-text field.
    static let hostile = #"<script>alert("x")</script> 'q' {{t.nav_label}} &amp;"#
    static let password = "phrase de passe administrateur"

    struct Fixture: Sendable {
        let values: [String: String]
        let visitor: Browser
        let member: Browser
    }

    /// What the browser check creates, made through the site: an admin who owns an association, advises
    /// a support body it let in, invited someone, answered a diagnostic and asked for a reset link.
    static func fixture(_ app: TestApp) async throws -> Fixture {
        _ = try await Admins.create(
            email: "admin@example.org", name: "Admin " + hostile, password: password, services: app.services)
        let member = app.browser()
        #expect(
            try await member.submit("/connexion", ["email": "admin@example.org", "password": password]).status
                == .seeOther)
        let association = try associationID(
            try await member.submit(
                "/associations/nouvelle",
                [
                    "name": "Les Amis " + hostile, "rna": "W372001234", "postcode": "37000", "size": "10-a-49",
                    "budget": "moins-de-1000",
                ]))
        let bodyPage = try await member.submit(
            "/structures/nouvelle", ["name": "Point d'appui " + hostile, "departement": "37", "description": hostile])
        let body = String(try #require(bodyPage.location).dropFirst("/structures/".count))
        _ = try await app.grant(member, association: association, body: body)
        _ = try await member.submit(
            "/associations/\(association)/feuille-de-route",
            ["title": "Sauvegarder hors site " + hostile, "owner": "Alice", "due": "2026-12-15", "hours": "3"])
        let invited = try await member.submit("/associations/\(association)/invitations", [:])
        let invitation = try #require(invited.text.firstMatch(of: /\/invitation\/([a-z0-9]+)/)).1
        let started = try await member.submit("/associations/\(association)/diagnostics", [:])
        let diagnostic = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
        try await app.answerAll(member, id: diagnostic) { question in
            question.options[question.id.utf8.count % question.options.count]
        }
        _ = try await app.browser().submit("/mot-de-passe-oublie", ["email": "admin@example.org"])
        let mail = try #require(try await app.mails().last { $0.body.contains("/mot-de-passe/") })
        let reset = try #require(mail.body.firstMatch(of: /\/mot-de-passe\/([a-z0-9]+)/)).1
        // The inventory and its registers: a domain lapsing in 45 days held by one person's account, a
        // mailbox recovered through it, a handover started, an activity from a template, a breach.
        let today = DateFormatting.parisDay(app.now())
        let base = "/associations/\(association)"
        _ = try await member.submit(
            base + "/inventaire/nouveau",
            [
                "kind": "domain", "name": "asso.fr " + hostile, "owner": "person", "owner_name": "Paul " + hostile,
                "other_holders": "Paul " + hostile,
                "credentials_place": "coffre " + hostile, "expires_on": Day(number: today.number + 45).iso,
                "provider": hostile,
            ])
        let assets = try await app.services.database.read { try await InventoryQueries.all(of: association, in: $0) }
        _ = try await member.submit(
            base + "/inventaire/nouveau",
            [
                "kind": "mailbox", "name": "contact@asso.fr", "recovery_asset": assets[0].row.id,
                "other_holders": "Ana, Bo", "checked_on": today.iso,
            ])
        _ = try await member.submit(
            base + "/passation", ["leaving": "Paul Martin, trésorier", "incoming": "Inès Durand, trésorière"])
        let handover = try #require(
            try await app.services.database.read { try await HandoverQueries.all(of: association, in: $0) }.first?.id)
        _ = try await member.submit(base + "/passation/\(handover)/0", ["done": "1"])
        let template = try #require(app.services.registerTemplates.first)
        var activity = template.fields
        activity["name"] = template.name + " " + hostile
        _ = try await member.submit(
            pairs: activity.sorted { $0.key < $1.key } + [("assets", assets[0].row.id)], to: base + "/registre/nouveau")
        let discovered = Date(timeIntervalSince1970: TimeInterval(app.now() - 3600))
        let breachPage = try await member.submit(
            base + "/violations",
            [
                "discovered": DateFormatting.localInput(discovered), "nature": "Ordinateur volé " + hostile,
                "people": "Adhérent·es, 120",
                "records": hostile, "consequences": hostile, "measures": hostile, "contact": "Zoé " + hostile,
                "risk": "high",
            ])
        let breach = String(try #require(breachPage.location).split(separator: "/").last ?? "")
        // The directory: the test file in the national schema, uploaded, then applied.
        let sample = try Data(contentsOf: DirectoryWebTests.fixtures.appendingPathComponent("lieux-sample.csv"))
        let staged = try #require(
            try await member.upload(
                "/admin/annuaire", field: "fichier", fileName: "lieux-sample.csv", contents: Array(sample)
            ).location)
        try await DirectoryWebTests.check(app)
        _ = try await member.submit(staged + "/appliquer", [:])
        try await DirectoryImport.applyRequested(
            database: app.services.database, time: app.services.time, tokens: app.services.tokens)
        let place = try #require(
            try await app.services.database.read { try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0) }
                .first?.id)
        // A proposal waiting for review.
        _ = try await app.browser().submit(
            "/annuaire/proposer",
            pairs: ContributionWebTests.proposal.map { ($0.0, $0.0 == "nom" ? "Repair café " + hostile : $0.1) })
        // The calendar: a workshop at that place in ten days (at 10:00, Paris time), one registration.
        let day = ParisTime(unixTime: app.now() + 10 * 86_400)
        let created = try await member.submit(
            "/agenda/nouvelle",
            [
                "place": place, "title": "Atelier " + hostile, "kind": "atelier", "description": hostile,
                "location": "", "online_url": "",
                "start": String(format: "%04d-%02d-%02dT10:00", day.year, day.month, day.day), "duration": "90",
                "every": "7", "count": "2", "capacity": "8",
            ])
        let training = String(try #require(created.location).split(separator: "/").last ?? "")
        let session = try #require(
            try await app.services.database.read { try await CalendarQueries.sessions(of: training, in: $0) }.first?.id)
        _ = try await app.browser().submit(
            "/agenda/seances/\(session)/inscription", ["name": "Zoé " + hostile, "email": "zoe@example.org"])
        let registration = try #require(
            try await app.mails().last { $0.to == "zoe@example.org" }?.body.firstMatch(
                of: /\/agenda\/inscription\/([a-z0-9]+)/)
        ).1
        // A field survey written in the network's form, open from today.
        _ = try await member.submit("/enquetes/nouvelle", SurveyWebTests.fields(title: "Enquête " + hostile))
        let survey = try #require(
            try await app.services.database.read { try await SurveyQueries.all(in: $0) }.first { $0.source == nil })
        // A badge of the body, awarded to Zoé (its picture a plain square PNG).
        var issuer = BadgeWebTests.issuerFields
        issuer["name"] = "Point d'appui " + hostile
        _ = try await BadgeWebTests.upload(
            member, "/structures/\(body)/badges/emetteur", issuer, image: BadgeWebTests.square)
        var badge = BadgeWebTests.classFields
        badge["class_name"] = "Sauvegarder " + hostile
        _ = try await BadgeWebTests.upload(
            member, "/structures/\(body)/badges/classes", badge, image: BadgeWebTests.square)
        let badgeClass = try #require(
            try await app.services.database.read { try await BadgeQueries.classes(of: body, in: $0) }.first?.id)
        _ = try await member.submit(
            "/badges/classes/\(badgeClass)/attribuer", ["emails-\(badgeClass)": "zoe@example.org"])
        let award = try #require(
            try await app.services.database.read { try await BadgeQueries.awards(of: body, in: $0) }.first?.id)
        _ = try await app.mails()  // the award's mail leaves, as the scheduler would send it
        let rooms = try await WorkshopRoomWebTests.fixture(app, member: member, training: training, hostile: hostile)
        _ = try await member.get("/")  // reads the last flash message
        let values = rooms.merging([
            "survey": survey.id, "survey_link": survey.token, "badge_award": award,
            "training": training, "session": session, "registration": String(registration),
            "place": place, "import": String(staged.split(separator: "/").last ?? ""),
            "association": association, "body": body, "invitation": String(invitation), "diagnostic": diagnostic,
            "reset": String(reset), "sheet": "mots-de-passe", "handover": handover, "breach": breach,
        ]) { $1 }
        return Fixture(values: values, visitor: app.browser(), member: member)
    }

    struct Row: Sendable {
        let template: String
        let who: String
        let path: String
    }

    static func rows() throws -> [Row] {
        let list = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/EclairageWeb/Routes/pages.tsv")
        return try String(contentsOf: list, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { line in
                let fields = line.split(separator: "\t").map(String.init)
                return Row(template: fields[0], who: fields[1], path: fields[2])
            }
    }

    static func fileName(_ row: Row) -> String {
        let slug = row.path.replacingOccurrences(of: #"[^a-zA-Z0-9]+"#, with: "-", options: .regularExpression)
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return "pages/\(row.template)--\(slug.isEmpty ? "root" : slug).html"
    }

    @Test("Every page of pages.tsv, whole; hostile text always escaped")
    func pages() async throws {
        try await withApp { app in
            let fixture = try await Self.fixture(app)
            for row in try Self.rows() {
                var path = row.path
                for (name, value) in fixture.values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                let page = try await (row.who == "member" ? fixture.member : fixture.visitor).get(path)
                let expected: HTTPResponse.Status = row.template == "error" ? .notFound : .ok
                #expect(page.status == expected, "\(row.path)")
                #expect(!page.text.contains("<script>"), "\(row.path) shows unescaped markup")
                // Search results are ranked by each engine (FTS5's bm25, PostgreSQL's ts_rank): one snapshot each.
                let name =
                    row.path.contains("?q=") && TestDatabase.usesPostgres
                    ? Self.fileName(row).replacingOccurrences(of: ".html", with: ".postgres.html") : Self.fileName(row)
                try Snapshot.check(page.text, named: name)
            }
        }
    }

    // MARK: Exchanges

    /// The messages a page shows: flash, alerts and the error summary.
    static func messages(_ html: String) -> [String] {
        var found: [String] = []
        for match in html.matches(of: /<p class="flash" role="status">([^<]*)<\/p>/) { found.append(String(match.1)) }
        for match in html.matches(of: /role="alert"[^>]*>\s*<p>([^<]*)<\/p>/) { found.append(String(match.1)) }
        for match in html.matches(of: /<li><a href="#[a-z_]+">([^<]*)<\/a><\/li>/) { found.append(String(match.1)) }
        return found
    }

    /// Names and flags of the cookies set, without their values (and with Expires as a placeholder).
    static func cookies(_ page: Browser.Page) -> [String] {
        page.setCookies.map { line in
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts[0].split(separator: "=").first.map(String.init) ?? ""
            let flags = parts.dropFirst().map { $0.hasPrefix("Expires=") ? "Expires=DATE" : $0 }.sorted()
            return "\(name) (\(flags.joined(separator: "; ")))"
        }.sorted()
    }

    /// One exchange as a block: the request, the answer, and what the person reads next.
    static func exchange(_ browser: Browser, _ path: String, _ fields: [String: String]) async throws -> String {
        let page = try await browser.submit(path, fields)
        var lines = ["POST \(path)"]
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(name)=\(name.contains("password") ? "•••" : value)")
        }
        lines.append("→ \(page.status.code) \(page.status.reasonPhrase)")
        if let location = page.location { lines.append("Location: \(location)") }
        lines += cookies(page).map { "Set-Cookie: \($0)" }
        var shown = page.text
        if let location = page.location {
            let next = try await browser.get(location)
            lines.append("Next page: GET \(location) → \(next.status.code)")
            shown = next.text
        }
        lines += messages(shown).map { "Message: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("Sign-up, a failed sign-in, a bad RNA, an unknown answer, an invitation: whole exchanges")
    func exchanges() async throws {
        try await withApp { app in
            var blocks: [String] = []
            let alice = app.browser()
            blocks.append(
                try await Self.exchange(
                    alice, "/inscription",
                    ["display_name": "Alice", "email": "alice@example.org", "password": "lampe tulipe orage cheval"]))
            blocks.append(
                try await Self.exchange(
                    app.browser(), "/connexion", ["email": "alice@example.org", "password": "pas le bon"]))
            blocks.append(try await Self.exchange(alice, "/associations/nouvelle", ["name": "Chorale", "rna": "W12"]))
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let started = try await alice.submit("/associations/\(association)/diagnostics", [:])
            let diagnostic = String(
                try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            let question = app.services.questionnaire.themes[0].questions[0]
            blocks.append(
                try await Self.exchange(
                    alice, "/diagnostics/\(diagnostic)/etape/3",
                    ["q.\(question.id)": "pas-une-option", "direction": "next"]))
            let invited = try await alice.submit("/associations/\(association)/invitations", [:])
            let link = String(try #require(invited.text.firstMatch(of: /\/invitation\/[a-z0-9]+/)).0)
            let bob = try await app.signedUpBrowser(name: "Bob", email: "bob@example.org")
            blocks.append(try await Self.exchange(bob, link, [:]))
            try Snapshot.check(blocks.joined(separator: "\n"), named: "exchanges.txt")
        }
    }
}
