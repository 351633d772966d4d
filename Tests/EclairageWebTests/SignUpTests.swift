import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Sign-up when the site sends mail: the address is confirmed by a link, and the page never tells
/// whether an address has an account. Sign-up and the mail forms are rate-limited.
@Suite("Sign-up by confirmed address, limits on forms that send mail")
struct SignUpTests {
    static let mail = ["SENDMAIL_PATH": "/bin/true"]
    static let password = "lampe tulipe orage cheval"

    @Test(
        "New and taken addresses get the same answer; each owner gets the right mail; the link creates the account once"
    )
    func confirmedSignUp() async throws {
        try await withApp(Self.mail) { app in
            // Alice already has an account (created through her confirmation link)
            let first = try await app.browser().submit(
                "/inscription", ["display_name": "Alice", "email": "alice@example.org", "password": Self.password])
            #expect(first.status == .ok)
            let confirmation = try #require(try await app.mails().last)
            let aliceLink = try #require(confirmation.link("/inscription/confirmer/"))
            let alice = app.browser()
            let confirmed = try await alice.get(aliceLink)
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/associations")
            #expect(try await alice.get("/associations").text.contains("Bienvenue ! Votre compte est créé."))
            #expect(try await app.browser().get(aliceLink).status == .notFound)  // once

            let taken = try await app.browser().submit(
                "/inscription",
                ["display_name": "Mallory", "email": "alice@example.org", "password": "une autre phrase solide"])
            let fresh = try await app.browser().submit(
                "/inscription",
                ["display_name": "Bob", "email": "bob@example.org", "password": "une autre phrase solide"])
            #expect(taken.status == fresh.status)
            let normalise = { (text: String) in
                text.replacingOccurrences(of: "alice@example.org", with: "ADDRESS").replacingOccurrences(
                    of: "bob@example.org", with: "ADDRESS"
                )
                .replacingOccurrences(of: #"value="[a-z0-9]{32}""#, with: "TOKEN", options: .regularExpression)
            }
            #expect(normalise(taken.text) == normalise(fresh.text))
            #expect(!taken.text.contains("existe déjà"))
            let messages = try await app.mails()
            let toAlice = try #require(messages.last { $0.to == "alice@example.org" })
            #expect(toAlice.subject.plain == "Éclairage : vous avez déjà un compte")
            #expect(toAlice.body.contains("/mot-de-passe-oublie"))
            #expect(!toAlice.body.contains("/inscription/confirmer/"))
            let toBob = try #require(messages.last { $0.to == "bob@example.org" })
            #expect(toBob.subject.plain == "Éclairage : confirmez votre adresse")
            // Mallory's password did not replace Alice's
            let signIn = try await app.browser().submit(
                "/connexion", ["email": "alice@example.org", "password": "une autre phrase solide"])
            #expect(signIn.status == .unauthorized)
            #expect(try await app.services.database.read { try await UserQueries.count(in: $0) } == 1)
        }
    }

    @Test("Without mail, a taken address is said plainly (nothing else could tell the person)")
    func withoutMail() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let again = try await app.browser().submit(
                "/inscription", ["display_name": "Autre", "email": "alice@example.org", "password": Self.password])
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("Un compte existe déjà avec cette adresse"))
        }
    }

    @Test(
        "Sign-up is limited per address: past the allowance in an hour, 429 and a French message, before any password is hashed"
    )
    func signUpLimited() async throws {
        try await withApp { app in
            let allowance = FormLimit.signUp.allowance.perAddress
            for n in 0..<allowance {
                let page = try await app.browser().submit(
                    "/inscription",
                    ["display_name": "Essai \(n)", "email": "essai\(n)@example.org", "password": Self.password])
                #expect(page.status == .seeOther)
            }
            let blocked = try await app.browser().submit(
                "/inscription", ["display_name": "Alice", "email": "alice@example.org", "password": Self.password])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Trop de demandes de compte depuis cette connexion en une heure"))
            #expect(blocked.text.contains(#"value="Alice""#))
            #expect(try await app.services.database.read { try await UserQueries.count(in: $0) } == allowance)
        }
    }

    @Test("Reset links: a few mails an hour to one address at most, then a French message and no mail")
    func resetMailLimited() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let allowance = try #require(FormLimit.passwordReset.allowance.perRecipient)
            for _ in 0..<allowance {
                #expect(
                    try await app.browser().submit("/mot-de-passe-oublie", ["email": "alice@example.org"]).status == .ok
                )
            }
            let blocked = try await app.browser().submit("/mot-de-passe-oublie", ["email": "alice@example.org"])
            #expect(blocked.status == .tooManyRequests)
            #expect(
                blocked.text.contains(
                    "Cette adresse électronique a déjà reçu plusieurs messages de ce type dans l&#39;heure (demandes de nouveau mot de passe)"
                ))
            #expect(try await app.mails().count == allowance)
        }
    }

    @Test("The diagnostic's resume link by mail is limited per recipient too")
    func resumeMailLimited() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let allowance = try #require(FormLimit.resumeLink.allowance.perRecipient)
            for _ in 0..<allowance {
                let sent = try await visitor.submit(
                    "/diagnostics/\(id)/lien-par-courriel", ["email": "personne@example.org"])
                #expect(sent.status == .seeOther)
            }
            let refused = try await visitor.submit(
                "/diagnostics/\(id)/lien-par-courriel", ["email": "personne@example.org"])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("(demandes de lien de reprise) : rien n&#39;a été envoyé ni enregistré"))
            #expect(
                refused.text.contains(#"name="email" type="email" autocomplete="email" value="personne@example.org""#))
            #expect(try await app.mails().count == allowance)
        }
    }
}
