import Foundation
import Hummingbird
import SQLKit
import Testing

@testable import EclairageWeb

/// The ASVS level-2 rules: redirects, caching, transport, password length, reset links, sessions,
/// anti-forgery tokens, re-authentication.
@Suite("Security: ASVS level 2")
struct SecurityTests {
    static let password = "lampe tulipe orage cheval"

    @Test(
        "The language switch goes back only to a path of this site",
        arguments: [
            "//evil.example/x", "/%2Fevil.example/x", "/\\evil.example/x", "/%5Cevil.example", "https://evil.example/",
        ])
    func languageRedirect(referer: String) async throws {
        try await withApp { app in
            var headers = HTTPFields()
            headers[.referer] = referer.hasPrefix("http") ? referer : "http://localhost" + referer
            let page = try await app.browser().get("/langue/en", headers: headers)
            #expect(page.status == .seeOther)
            #expect(page.location == "/", "\(referer) → \(page.location ?? "")")
        }
    }

    @Test("The language switch still goes back to the page the visitor was on")
    func languageRedirectBack() async throws {
        try await withApp { app in
            var headers = HTTPFields()
            headers[.referer] = "http://localhost/outils?q=agenda"
            let page = try await app.browser().get("/langue/en", headers: headers)
            #expect(page.location == "/outils")
        }
    }

    @Test("Pages and exports are never stored by a cache; the stylesheet may be")
    func noStore() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            for path in ["/compte", "/compte/mes-donnees.json", "/associations", "/"] {
                #expect(try await alice.get(path).headers[.cacheControl] == "no-store", "\(path)")
            }
            let id = try await app.startDiagnostic(alice)
            for path in [
                "/diagnostics/\(id)/rapport", "/diagnostics/\(id)/export.json", "/diagnostics/\(id)/export.csv",
            ] {
                #expect(try await alice.get(path).headers[.cacheControl] == "no-store", "\(path)")
            }
            #expect(try await alice.get("/static/eclairage.css").headers[.cacheControl] == "public, max-age=3600")
        }
    }

    @Test("Over https: HSTS, and every cookie Secure, the flash and language ones included")
    func https() async throws {
        try await withApp(["BASE_URL": "https://eclairage.example.org"]) { app in
            let browser = app.browser()
            let home = try await browser.get("/")
            #expect(home.headers[.init("Strict-Transport-Security")!] == "max-age=31536000; includeSubDomains")
            let signIn = try await browser.get("/connexion")
            let csrf = try #require(signIn.setCookies.first { $0.hasPrefix("__Host-eclairage_csrf=") })
            #expect(csrf.contains("Secure") && csrf.contains("Path=/") && !csrf.contains("Domain"))
            let language = try await browser.get("/langue/en")
            #expect(language.setCookies.contains { $0.hasPrefix("eclairage_lang=") && $0.contains("Secure") })
            let signUp = try await browser.submit(
                "/inscription", ["display_name": "Alice", "email": "alice@example.org", "password": Self.password])
            #expect(signUp.status == .seeOther)
            #expect(!signUp.setCookies.isEmpty)
            for cookie in signUp.setCookies { #expect(cookie.contains("Secure"), "\(cookie)") }
            #expect(signUp.setCookies.contains { $0.hasPrefix("eclairage_flash=") })
        }
        try await withApp { app in
            let page = try await app.browser().get("/")
            #expect(page.headers[.init("Strict-Transport-Security")!] == nil)
        }
    }

    @Test("Two passwords that differ only after byte 72 are different passwords")
    func longPasswords() async throws {
        try await withApp { app in
            let stem = String(repeating: "lampe tulipe orage cheval ", count: 3)  // 78 bytes
            #expect(stem.utf8.count > 72)
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org", password: stem + "un")
            let other = try await app.browser().submit(
                "/connexion", ["email": "alice@example.org", "password": stem + "deux"])
            #expect(other.status == .unauthorized)
            let right = try await app.browser().submit(
                "/connexion", ["email": "alice@example.org", "password": stem + "un"])
            #expect(right.status == .seeOther)
        }
    }

    /// Asks for `count` reset links for Alice; returns their paths.
    static func resetLinks(_ app: TestApp, count: Int) async throws -> [String] {
        for _ in 0..<count {
            _ = try await app.browser().submit("/mot-de-passe-oublie", ["email": "alice@example.org"])
        }
        return try await app.mails().compactMap { mail in
            mail.link("/mot-de-passe/")
        }
    }

    @Test("Using one reset link ends the others")
    func resetEndsOtherLinks() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let links = try await Self.resetLinks(app, count: 2)
            #expect(links.count == 2)
            #expect(
                try await app.browser().submit(links[0], ["password": "nouvelle phrase bien longue"]).status
                    == .seeOther)
            #expect(try await app.browser().get(links[1]).status == .notFound)
            #expect(
                try await app.browser().submit(links[1], ["password": "encore une autre phrase"]).status == .notFound)
        }
    }

    @Test("Changing the password ends every outstanding reset link")
    func passwordChangeEndsLinks() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let links = try await Self.resetLinks(app, count: 1)
            let changed = try await alice.submit(
                "/compte/mot-de-passe", ["current_password": Self.password, "new_password": "une autre phrase solide"])
            #expect(changed.status == .seeOther)
            #expect(try await app.browser().get(links[0]).status == .notFound)
        }
    }

    @Test("A session opened in the same second as a password change ends with it; the changer's goes on")
    func sameSecondSession() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let other = app.browser()
            #expect(
                try await other.submit("/connexion", ["email": "alice@example.org", "password": Self.password]).status
                    == .seeOther)
            #expect(try await other.get("/compte").status == .ok)
            #expect(
                try await alice.submit(
                    "/compte/mot-de-passe",
                    ["current_password": Self.password, "new_password": "une autre phrase solide"]
                ).status == .seeOther)
            // The change's time says nothing about which sessions came before it (same second, or app
            // servers whose clocks differ): put it back before the other sign-in; the session still ends.
            try await app.services.database.write { sql in
                try await sql.update("users").set("password_changed_at", to: SQLBind(Int64(0))).run()
            }
            #expect(try await other.get("/compte").status == .forbidden)
            #expect(try await alice.get("/compte").status == .ok)
        }
    }

    @Test("Typing the current password is limited: the sixth try in a row is refused without checking")
    func reauthenticationLimited() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            for n in 0..<5 {
                let wrong = try await alice.submit("/compte/suppression", ["password": "essai \(n)"])
                #expect(wrong.status == .unprocessableContent)
            }
            let blocked = try await alice.submit("/compte/suppression", ["password": Self.password])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Trop d&#39;essais du mot de passe actuel"))
            #expect(try await alice.get("/compte").status == .ok)  // the account is still there
            let change = try await alice.submit(
                "/compte/mot-de-passe", ["current_password": Self.password, "new_password": "une autre phrase solide"])
            #expect(change.status == .tooManyRequests)
        }
    }

    @Test("Signed in, the form token is the session's: the cookie's token, or a planted one, is refused")
    func csrfBoundToSession() async throws {
        try await withApp { app in
            let alice = app.browser()
            let before = try await alice.csrfToken()
            _ = try await alice.submit(
                "/inscription", ["display_name": "Alice", "email": "alice@example.org", "password": Self.password])
            let after = try await alice.csrfToken()
            #expect(before != after)  // rotated at sign-in
            let cookieToken = try #require(alice.cookie("eclairage_csrf"))
            let forged = try await alice.submit("/associations/nouvelle", ["name": "Chorale"], csrf: cookieToken)
            #expect(forged.status == .forbidden)
            #expect(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]).status == .seeOther)
            // sign-out hands out a new anonymous token
            _ = try await alice.submit("/deconnexion", [:])
            #expect(alice.cookie("eclairage_csrf") != cookieToken)
            // a planted trivial token, in the cookie and the form alike, is refused
            let visitor = app.browser()
            let trivial = String(repeating: "a", count: 32)
            visitor.setCookie("eclairage_csrf", trivial)
            let planted = try await visitor.submit(
                "/inscription", ["display_name": "Eve", "email": "eve@example.org", "password": Self.password],
                csrf: trivial)
            #expect(planted.status == .forbidden)
            #expect(try await app.services.database.read { try await UserQueries.count(in: $0) } == 1)
        }
    }
}
