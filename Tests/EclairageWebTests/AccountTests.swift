import Foundation
import Hummingbird
import SQLKit
import Testing

@testable import EclairageWeb

@Suite("Accounts: sign up, sign in, reset, export, delete")
struct AccountTests {
    @Test("A weak password is refused with a French explanation; the form keeps the input, escaped")
    func weakPassword() async throws {
        try await withApp { app in
            let browser = app.browser()
            let page = try await browser.submit(
                "/inscription",
                [
                    "display_name": "<script>alert(1)</script>", "email": "alice@example.org", "password": "soleil2024",
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("Ce mot de passe fait partie des plus utilisés"))
            #expect(page.text.contains(#"value="alice@example.org""#))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<script>alert(1)</script>"))
            #expect(page.text.contains("Quelques informations sont à corriger"))
            let short = try await browser.submit(
                "/inscription", ["display_name": "Alice", "email": "alice@example.org", "password": "k7#Rq2"])
            #expect(short.text.contains("Ce mot de passe serait encore trop facile à deviner. Allongez-le"))
            #expect(!short.text.contains("bits"))
        }
    }

    @Test("Sign up → 303 to my associations with a welcome message; the address cannot be reused")
    func signUp() async throws {
        try await withApp { app in
            let browser = app.browser()
            let response = try await browser.submit(
                "/inscription",
                [
                    "display_name": "Alice", "email": " Alice@Example.org ", "password": "lampe tulipe orage cheval",
                ])
            #expect(response.status == .seeOther)
            #expect(response.location == "/associations")
            let session = try #require(response.setCookies.first { $0.hasPrefix("SESSION_ID=") })
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Lax"))
            let next = try await browser.get("/associations")
            #expect(next.status == .ok)
            #expect(next.text.contains("Bienvenue ! Votre compte est créé."))
            let again = try await app.browser().submit(
                "/inscription",
                [
                    "display_name": "Autre", "email": "alice@example.org", "password": "lampe tulipe orage cheval",
                ])
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("Un compte existe déjà avec cette adresse"))
        }
    }

    @Test("Sign-in replaces the browser's session (the old one deleted on the server); sign-out ends it on the server")
    func signInAndOut() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let browser = app.browser()
            let failed = try await browser.submit(
                "/connexion", ["email": "alice@example.org", "password": "mauvais mot de passe"])
            #expect(failed.status == .unauthorized)
            #expect(failed.text.contains("Adresse ou mot de passe incorrect."))
            #expect(
                try await browser.submit(
                    "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"]
                ).status == .seeOther)
            let first = try #require(browser.cookie("SESSION_ID"))
            #expect(try await Self.sessionStored(first, app))
            // signing in again in the same browser: a new id, and the previous session is gone from the server
            #expect(
                try await browser.submit(
                    "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"]
                ).status == .seeOther)
            let second = try #require(browser.cookie("SESSION_ID"))
            #expect(second != first)
            #expect(try await !Self.sessionStored(first, app))
            #expect(try await Self.sessionStored(second, app))
            // a session id chosen by someone else is never adopted
            let planted = app.browser()
            planted.setCookie("SESSION_ID", "planted-session-id")
            #expect(
                try await planted.submit(
                    "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"]
                ).status == .seeOther)
            #expect(planted.cookie("SESSION_ID") != "planted-session-id")
            #expect(try await !Self.sessionStored("planted-session-id", app))
            // sign out: the row is deleted, and replaying the cookie is refused
            #expect(try await browser.submit("/deconnexion", [:]).status == .seeOther)
            #expect(try await !Self.sessionStored(second, app))
            let replay = app.browser()
            replay.setCookie("SESSION_ID", second)
            let page = try await replay.get("/compte")
            #expect(page.status == .forbidden)
            #expect(page.text.contains("Connectez-vous pour voir cette page."))
        }
    }

    /// Whether the server still holds the session behind this cookie value.
    static func sessionStored(_ cookie: String, _ app: TestApp) async throws -> Bool {
        try await app.services.database.read { sql in
            try await !sql.select().column("id").from("sessions").where("id", .equal, SQLBind("hbs.\(cookie)")).all()
                .isEmpty
        }
    }

    @Test("Five failures lock the account for a while, with a French message")
    func throttled() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let browser = app.browser()
            for _ in 0..<5 {
                _ = try await browser.submit(
                    "/connexion", ["email": "alice@example.org", "password": "essai au hasard"])
            }
            let blocked = try await browser.submit(
                "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Trop de tentatives de connexion ont échoué"))
            #expect(browser.cookie("SESSION_ID") == nil)
        }
    }

    @Test("Password reset by e-mailed link: once, then the old password no longer works")
    func reset() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let browser = app.browser()
            let unknown = try await browser.submit("/mot-de-passe-oublie", ["email": "personne@example.org"])
            let known = try await browser.submit("/mot-de-passe-oublie", ["email": "alice@example.org"])
            #expect(unknown.text.contains("Si un compte existe avec cette adresse"))
            #expect(known.text.contains("Si un compte existe avec cette adresse"))
            let messages = try await app.mails()
            #expect(messages.count == 1)
            let mail = try #require(messages.first)
            #expect(mail.to == "alice@example.org")
            let path = try #require(mail.link("/mot-de-passe/"))
            #expect(try await browser.get(path).status == .ok)
            let weak = try await browser.submit(path, ["password": "123456"])
            #expect(weak.status == .unprocessableContent)
            let done = try await browser.submit(path, ["password": "nouvelle phrase bien longue"])
            #expect(done.status == .seeOther)
            #expect(done.location == "/connexion")
            #expect(try await browser.get(path).status == .notFound)
            let old = try await app.browser().submit(
                "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            #expect(old.status == .unauthorized)
            let new = try await app.browser().submit(
                "/connexion", ["email": "alice@example.org", "password": "nouvelle phrase bien longue"])
            #expect(new.status == .seeOther)
        }
    }

    @Test("Change password, download my data, delete my account")
    func account() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let wrong = try await alice.submit(
                "/compte/mot-de-passe", ["current_password": "faux", "new_password": "une autre phrase solide"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Le mot de passe actuel n&#39;est pas le bon."))
            let changed = try await alice.submit(
                "/compte/mot-de-passe",
                ["current_password": "lampe tulipe orage cheval", "new_password": "une autre phrase solide"])
            #expect(changed.status == .seeOther)
            #expect(try await alice.get("/compte").text.contains("Votre mot de passe est changé."))
            _ = try await alice.submit("/associations/nouvelle", ["name": "Club de lecture"])
            let export = try await alice.get("/compte/mes-donnees.json")
            #expect(export.headers[.contentDisposition]?.contains("attachment") == true)
            let json = try JSONSerialization.jsonObject(with: Data(export.text.utf8)) as? [String: Any]
            #expect((json?["account"] as? [String: Any])?["email"] as? String == "alice@example.org")
            #expect(!export.text.contains("$2"))  // no password hash
            #expect((json?["associations"] as? [[String: Any]])?.first?["name"] as? String == "Club de lecture")
            let refused = try await alice.submit("/compte/suppression", ["password": "faux"])
            #expect(refused.status == .unprocessableContent)
            let deleted = try await alice.submit("/compte/suppression", ["password": "une autre phrase solide"])
            #expect(deleted.status == .seeOther)
            let (users, associations) = try await app.services.database.read { sql in
                (
                    try await UserQueries.count(in: sql),
                    try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
                        "associations"
                    ).row(CountRow.self)?.n
                )
            }
            #expect(users == 0)
            #expect(associations == 0)
        }
    }
}
