import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

@Suite("Site: home, errors, headers, health")
struct SiteTests {
    @Test("The home page is French, carries the security headers and a protected CSRF cookie")
    func home() async throws {
        try await withApp { app in
            // act
            let page = try await app.browser().get("/")
            // check
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<html lang="fr">"#))
            #expect(page.text.contains("Où en est le numérique de votre association ?"))
            #expect(page.headers[.init("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers[.init("Content-Security-Policy")!]?.contains("unsafe-inline") == false)
            #expect(page.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(page.headers[.init("Referrer-Policy")!] == "same-origin")
            let signIn = try await app.browser().get("/connexion")
            let csrf = try #require(signIn.setCookies.first { $0.hasPrefix("eclairage_csrf=") })
            #expect(csrf.contains("HttpOnly"))
            #expect(csrf.contains("SameSite=Lax"))
            #expect(!csrf.contains("Secure"))
        }
    }

    @Test("English is chosen from the browser, and the switch keeps the choice")
    func language() async throws {
        try await withApp { app in
            let browser = app.browser()
            var headers = HTTPFields()
            headers[.acceptLanguage] = "en-GB,en;q=0.9"
            let english = try await browser.get("/", headers: headers)
            #expect(english.text.contains(#"<html lang="en">"#))
            #expect(english.text.contains("Where does your association stand"))
            let switched = try await browser.get("/langue/fr")
            #expect(switched.status == .seeOther)
            let french = try await browser.get("/", headers: headers)
            #expect(french.text.contains(#"<html lang="fr">"#))
            #expect(try await browser.get("/langue/xx").status == .notFound)
        }
    }

    @Test("Secure cookies when the public address is HTTPS")
    func secureCookies() async throws {
        try await withApp(["BASE_URL": "https://eclairage.example.org"]) { app in
            let page = try await app.browser().get("/connexion")
            let csrf = try #require(page.setCookies.first { $0.hasPrefix("__Host-eclairage_csrf=") })
            #expect(csrf.contains("Secure"))
        }
    }

    @Test("A missing page gives the French 404 page")
    func notFound() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/cette-page-n-existe-pas")
            #expect(page.status == .notFound)
            #expect(page.text.contains("<h1>Page introuvable</h1>"))
            #expect(page.text.contains(#"<html lang="fr">"#))
            #expect(page.headers[.init("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test("/healthz answers JSON with the database status")
    func health() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/healthz")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/json")
            let json = try JSONSerialization.jsonObject(with: Data(page.text.utf8)) as? [String: Any]
            #expect(json?["status"] as? String == "ok")
            let database = json?["database"] as? [String: String]
            #expect(database?["status"] == "ok")
            #expect(database?["kind"] == (TestDatabase.usesPostgres ? "postgres" : "sqlite"))
        }
    }

    @Test("A POST without a valid CSRF token is refused with a clear page, and nothing is stored")
    func csrf() async throws {
        try await withApp { app in
            let browser = app.browser()
            try await browser.get("/inscription")
            let fields = ["display_name": "Eve", "email": "eve@example.org", "password": "lampe tulipe orage cheval"]
            // no token at all
            let missing = try await browser.post("/inscription", body: Browser.encode(fields))
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Ce formulaire a expiré ou ne vient pas de ce site"))
            // a wrong token
            let wrong = try await browser.submit("/inscription", fields, csrf: "x")
            #expect(wrong.status == .forbidden)
            let count = try await app.services.database.read { try await UserQueries.count(in: $0) }
            #expect(count == 0)
        }
    }

    @Test("An oversized form is refused with a French 413 page")
    func tooLarge() async throws {
        try await withApp { app in
            let browser = app.browser()
            try await browser.get("/")
            let big = String(repeating: "a", count: 70_000)
            let page = try await browser.submit("/inscription", ["display_name": big])
            #expect(page.status == .contentTooLarge)
            #expect(page.text.contains("Envoi trop volumineux"))
        }
    }

    @Test("The stylesheet is served as CSS")
    func stylesheet() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/static/eclairage.css")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/css; charset=utf-8")
            #expect(page.text.contains(":focus-visible"))
        }
    }
}
