import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// A support body's team: invited by e-mail, joining by consent, removable; the association sees
/// who reads its data.
@Suite("Support bodies: inviting, accepting, removing advisors")
struct AdvisorTests {
    static let mail = ["SENDMAIL_PATH": "/bin/true"]

    static func body(_ browser: Browser) async throws -> String {
        String(
            try #require(try await browser.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                "/structures/".count))
    }

    @Test("Inviting adds nobody, answers the same for any address, and the invited person joins by accepting")
    func inviteAndAccept() async throws {
        try await withApp(Self.mail) { app in
            let carol = try await app.signedUpBrowserConfirmed(name: "Carol", email: "carol@example.org")
            let frank = try await app.signedUpBrowserConfirmed(name: "Frank", email: "frank@example.org")
            let body = try await Self.body(carol)
            let known = try await carol.submit("/structures/\(body)/conseilleres", ["email": "frank@example.org"])
            let unknown = try await carol.submit("/structures/\(body)/conseilleres", ["email": "personne@example.org"])
            #expect(known.status == .seeOther && unknown.status == .seeOther)
            #expect(known.location == unknown.location)
            let flash = { (page: Browser.Page) in
                page.setCookies.first { $0.hasPrefix("eclairage_flash=") }?.split(separator: ";").first
            }
            #expect(flash(known) == "eclairage_flash=advisor_invitation.sent")
            #expect(flash(known) == flash(unknown))
            // nobody was added without consent
            #expect(try await frank.get("/structures/\(body)").status == .notFound)
            let invitation = try #require(try await app.mails().last { $0.to == "frank@example.org" })
            #expect(invitation.subject.plain == "Éclairage : invitation à rejoindre PAVA")
            let path = try #require(invitation.link("/structures/invitation/"))
            // anonymous: asked to sign in; signed in: accepts
            #expect(try await app.browser().get(path).text.contains("Connectez-vous ou créez un compte"))
            let page = try await frank.get(path)
            #expect(page.text.contains("Rejoindre une structure d&#39;accompagnement"))
            #expect(page.text.contains("<strong>PAVA</strong>"))
            let accepted = try await frank.submit(path, [:])
            #expect(accepted.location == "/structures/\(body)")
            #expect(
                try await frank.get("/structures/\(body)").text.contains(
                    "Vous faites maintenant partie de la structure."))
            #expect(try await frank.submit(path, [:]).status == .notFound)  // once
        }
    }

    @Test("Without mail, the invitation link is shown once to pass on by hand")
    func linkShownWithoutMail() async throws {
        try await withApp { app in
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = try await Self.body(carol)
            let page = try await carol.submit("/structures/\(body)/conseilleres", ["email": "frank@example.org"])
            #expect(page.status == .ok)
            #expect(page.text.contains("/structures/invitation/"))
            #expect(!(try await carol.get("/structures/\(body)").text.contains("/structures/invitation/")))
            let bad = try await carol.submit("/structures/\(body)/conseilleres", ["email": "pas une adresse"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("ne semble pas valide"))
        }
    }

    @Test(
        "A removed advisor loses the associations at once; the last advisor cannot leave; the association sees its readers"
    )
    func removeAndReaders() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let frank = try await app.signedUpBrowser(name: "Frank", email: "frank@example.org")
            let body = try await Self.body(carol)
            let shown = try await carol.submit("/structures/\(body)/conseilleres", ["email": "frank@example.org"])
            let start = try #require(shown.text.range(of: "/structures/invitation/"))
            let path = String(shown.text[start.lowerBound...].prefix { $0 != "\"" && $0 != "<" })
            #expect(try await frank.submit(path, [:]).status == .seeOther)
            _ = try await app.grant(alice, association: association, body: body)
            #expect(try await alice.get("/associations/\(association)").text.contains("(lu par : Carol, Frank)"))
            let diagnostic = try await LifecycleAccessTests.startForAssociation(frank, association)
            #expect(try await frank.get("/associations/\(association)").status == .ok)
            let frankID = try #require(
                try await app.services.database.read { try await UserQueries.find(email: "frank@example.org", in: $0) }?
                    .id)
            #expect(
                try await carol.submit("/structures/\(body)/conseilleres/retirer", ["user": frankID]).status
                    == .seeOther)
            #expect(try await frank.get("/associations/\(association)").status == .notFound)
            try await LifecycleAccessTests.expectLockedOut(frank, diagnostic, "removed advisor")
            #expect(try await alice.get("/associations/\(association)").text.contains("(lu par : Carol)"))
            // Carol is now the only advisor: she cannot leave
            let carolID = try #require(
                try await app.services.database.read { try await UserQueries.find(email: "carol@example.org", in: $0) }?
                    .id)
            _ = try await carol.submit("/structures/\(body)/conseilleres/retirer", ["user": carolID])
            #expect(
                try await carol.get("/structures/\(body)").text.contains(
                    "La structure doit garder au moins une conseillère"))
        }
    }
}

extension TestApp {
    /// Signs up where the site sends mail: confirms through the e-mailed link.
    func signedUpBrowserConfirmed(name: String, email: String, password: String = "lampe tulipe orage cheval")
        async throws -> Browser
    {
        let browser = browser()
        _ = try await browser.submit("/inscription", ["display_name": name, "email": email, "password": password])
        let mail = try #require(try await mails().last { $0.to == email })
        let confirmed = try await browser.get(try #require(mail.link("/inscription/confirmer/")))
        #expect(confirmed.status == .seeOther)
        return browser
    }
}

@Suite("Advisors' reads are logged for the association")
struct AccessLogTests {
    @Test(
        "An advisor's reads of the page, a report and an export are logged and shown to members; members' own reads are not"
    )
    func logged() async throws {
        try await withApp { app in
            let world = try await LifecycleAccessTests.world(app)
            #expect(
                try await world.alice.get("/associations/\(world.association)").text.contains(
                    "Aucune conseillère ni aucun conseiller n&#39;a encore consulté vos données."))
            let diagnostic = try await LifecycleAccessTests.startForAssociation(world.bob, world.association)
            let own = try await world.bob.get("/diagnostics/\(diagnostic)/rapport")
            #expect(try await world.carol.get("/associations/\(world.association)").status == .ok)
            let advised = try await world.carol.get("/diagnostics/\(diagnostic)/rapport")
            #expect(advised.status == .ok)
            // the report speaks to its members, and of the association to its advisor
            #expect(
                own.text.contains("Votre bilan numérique") && !own.text.contains("Bilan numérique de l&#39;association")
            )
            #expect(
                advised.text.contains("Bilan numérique de l&#39;association")
                    && !advised.text.contains("Votre bilan numérique"))
            #expect(try await world.carol.get("/diagnostics/\(diagnostic)/export.csv").status == .ok)
            let entries = try await app.services.database.read {
                try await AccessLogQueries.recent(of: world.association, limit: 10, in: $0)
            }
            #expect(entries.map(\.what).sorted() == ["association", "diagnostic", "diagnostic"])
            #expect(Set(entries.map(\.displayName)) == ["Carol"])
            let page = try await world.bob.get("/associations/\(world.association)")
            #expect(page.text.contains("Carol (PAVA) a consulté la page de l&#39;association"))
            #expect(page.text.contains("Carol (PAVA) a consulté un diagnostic"))
            // the advisor does not see the log
            #expect(
                !(try await world.carol.get("/associations/\(world.association)").text.contains(
                    "Consultations par les structures")))
        }
    }
}
