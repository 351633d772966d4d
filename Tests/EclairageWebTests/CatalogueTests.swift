import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

@Suite("Catalogue: search, filters, tool and need pages")
struct CatalogueTests {
    @Test(
        "Searching what people type finds the right alternatives",
        arguments: [
            ("whatsapp", "Des alternatives à WhatsApp", "/outils/signal"),
            ("drive", "Des alternatives à Google Drive", "/outils/nextcloud"),
            ("doodle", "Des alternatives à Doodle", "/outils/framadate"),
            ("compta", "Résultats", "/outils/paheko"),
            ("mot de passe", "Résultats", "/outils/keepassxc"),
            ("Comptabilité", "Résultats", "/outils/dolibarr"),
        ])
    func search(query: String, heading: String, expected: String) async throws {
        try await withApp { app in
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let page = try await app.browser().get("/outils?q=\(encoded)")
            #expect(page.status == .ok)
            #expect(page.text.contains(heading))
            #expect(page.text.contains(#"href="\#(expected)""#), "\(query) → \(expected)")
        }
    }

    @Test("Odd or huge queries answer normally")
    func oddQueries() async throws {
        try await withApp { app in
            for query in [
                "%22%27*()%3C%3E", "NEAR%28a%20b%29", "a%3A*%20%26%20%21b", String(repeating: "x", count: 5000),
                "%E2%9C%93",
            ] {
                let page = try await app.browser().get("/outils?q=\(query)")
                #expect(page.status == .ok, "\(query.prefix(20))")
            }
        }
    }

    @Test("Filters narrow the list and show counts; free software only keeps only free software")
    func filters() async throws {
        try await withApp { app in
            let all = try await app.browser().get("/outils")
            let free = try await app.browser().get("/outils?libre=1&cout=free")
            #expect(all.text.contains("Résultats <span class=\"muted\">(\(app.services.catalogue.tools.count))</span>"))
            let expected = app.services.catalogue.tools.filter { $0.freeSoftware && $0.cost.model == .free }.count
            #expect(free.text.contains("Résultats <span class=\"muted\">(\(expected))</span>"))
            #expect(!free.text.contains(">Propriétaire</span>"))
            #expect(free.text.contains(#"name="libre" value="1" checked"#))
        }
    }

    @Test("Every tool page and every need page renders; unknown slugs give the French 404")
    func pages() async throws {
        try await withApp { app in
            let browser = app.browser()
            for tool in app.services.catalogue.tools {
                let page = try await browser.get("/outils/\(tool.slug)")
                #expect(page.status == .ok, "\(tool.slug)")
            }
            for need in app.services.catalogue.needs {
                let page = try await browser.get("/besoins/\(need.id)")
                #expect(page.status == .ok, "\(need.id)")
                #expect(page.text.contains("Les options côte à côte"))
            }
            #expect(try await browser.get("/outils/n-existe-pas").text.contains("Page introuvable"))
            #expect(try await browser.get("/besoins/n-existe-pas").status == .notFound)
        }
    }

    @Test("The report shows recommendations; a member keeps one for the action plan")
    func reportRecommendations() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let started = try await alice.submit("/associations/\(association)/diagnostics", [:])
            let id = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            try await app.answerAll(alice, id: id) { q in q.worstOption }
            let report = try await alice.get("/diagnostics/\(id)/rapport")
            #expect(report.text.contains("Des outils adaptés à votre association"))
            let start = try #require(
                report.text.range(of: #"name="kind" value="tool"><input type="hidden" name="reference" value=""#))
            let reference = String(report.text[start.upperBound...].prefix { $0 != "\"" })
            let saved = try await alice.submit(
                "/associations/\(association)/etapes", ["kind": "tool", "reference": reference, "diagnostic": id])
            #expect(saved.status == .seeOther)
            #expect(
                try await alice.submit("/associations/\(association)/etapes", ["kind": "tool", "reference": "x:y"])
                    .status == .badRequest)
            let rows = try await app.services.database.read { try await PlanQueries.all(of: association, in: $0) }
            #expect(rows.count == 1)
            #expect(rows.first?.diagnosticId == id)
            // the report now shows it as kept, and offers to keep the others
            let after = try await alice.get("/diagnostics/\(id)/rapport")
            #expect(
                after.text.components(separatedBy: "Gardé pour le plan d&#39;action de l&#39;association.").count - 1
                    == 1)
            #expect(!after.text.contains(#"name="reference" value="\#(reference)""#))
            #expect(after.text.contains("Garder pour le plan d&#39;action"))
        }
    }
}
