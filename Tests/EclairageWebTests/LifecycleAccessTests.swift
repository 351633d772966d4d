import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Access that ends when it should: a grant withdrawn, a member who left, a role changed, another
/// account in the same browser. Once a diagnostic belongs to an association, only the association's
/// rules decide; no browser keeps a private token to it.
@Suite("Access: lifecycles")
struct LifecycleAccessTests {
    /// Alice owns "Chorale"; Bob is a member; Carol advises through "PAVA", which Alice let in.
    struct World: Sendable {
        let association: String
        let body: String
        let alice: Browser
        let bob: Browser
        let carol: Browser
        let bobID: String
    }

    static func world(_ app: TestApp) async throws -> World {
        let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
        let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
        let invited = try await alice.submit("/associations/\(association)/invitations", [:])
        let start = try #require(invited.text.range(of: "/invitation/"))
        let invitation = String(invited.text[start.lowerBound...].prefix { $0 != "\"" })
        let bob = try await app.signedUpBrowser(name: "Bob", email: "bob@example.org")
        #expect(try await bob.submit(invitation, [:]).status == .seeOther)
        let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
        let body = String(
            try #require(try await carol.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                "/structures/".count))
        #expect(
            try await app.grant(alice, association: association, body: body)
                .status == .seeOther)
        let bobID = try #require(
            try await app.services.database.read { try await UserQueries.find(email: "bob@example.org", in: $0) }?.id)
        return World(association: association, body: body, alice: alice, bob: bob, carol: carol, bobID: bobID)
    }

    /// Starts a diagnostic for the association from `browser`; returns its id.
    static func startForAssociation(_ browser: Browser, _ association: String) async throws -> String {
        let started = try await browser.submit("/associations/\(association)/diagnostics", [:])
        #expect(started.status == .seeOther)
        #expect(
            !started.setCookies.contains { $0.hasPrefix(DiagnosticAccess.cookieName + "=") },
            "a token cookie was issued")
        return String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
    }

    /// Every way in to a diagnostic, from `browser`: all refused as if it did not exist.
    static func expectLockedOut(_ browser: Browser, _ id: String, _ who: String) async throws {
        #expect(try await browser.get("/diagnostics/\(id)/rapport").status == .notFound, "\(who): report")
        #expect(try await browser.get("/diagnostics/\(id)/etape/3").status == .notFound, "\(who): step")
        #expect(try await browser.get("/diagnostics/\(id)/export.json").status == .notFound, "\(who): JSON export")
        #expect(try await browser.get("/diagnostics/\(id)/export.csv").status == .notFound, "\(who): CSV export")
        #expect(
            try await browser.submit("/diagnostics/\(id)/etape/1", ["direction": "next"]).status == .notFound,
            "\(who): save")
        #expect(try await browser.submit("/diagnostics/\(id)/supprimer", [:]).status == .notFound, "\(who): delete")
    }

    static func diagnosticExists(_ app: TestApp, _ id: String) async throws -> Bool {
        try await app.services.database.read { try await DiagnosticQueries.find(id: id, in: $0) } != nil
    }

    @Test("An advisor's diagnostic for the association: no token; withdrawing the grant ends every access")
    func grantWithdrawn() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            let id = try await Self.startForAssociation(world.carol, world.association)
            #expect(try await world.carol.get("/diagnostics/\(id)/rapport").status == .ok)
            #expect(world.carol.cookie(DiagnosticAccess.cookieName) == nil)
            #expect(
                try await world.alice.submit(
                    "/associations/\(world.association)/acces", ["support_body": world.body, "action": "withdraw"]
                ).status == .seeOther)
            try await Self.expectLockedOut(world.carol, id, "advisor after withdrawal")
            #expect(try await Self.diagnosticExists(app, id))
        }
    }

    @Test("A member who leaves loses the diagnostics they started for the association")
    func memberLeft() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            let id = try await Self.startForAssociation(world.bob, world.association)
            #expect(try await world.bob.get("/diagnostics/\(id)/etape/3").status == .ok)
            #expect(try await world.bob.submit("/associations/\(world.association)/quitter", [:]).status == .seeOther)
            try await Self.expectLockedOut(world.bob, id, "member who left")
            // signed out, the same browser gets nothing either
            _ = try await world.bob.submit("/deconnexion", [:])
            try await Self.expectLockedOut(world.bob, id, "member who left, signed out")
            #expect(try await Self.diagnosticExists(app, id))
        }
    }

    @Test(
        "Attaching ends the private link: the creator's browser, signed out or in another account, can neither read nor delete"
    )
    func attachEndsToken() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            // Bob (a member, not an owner) takes the diagnostic anonymously, then attaches it.
            let id = try await app.startDiagnostic(world.bob)
            let first = try await world.bob.get("/diagnostics/\(id)/etape/1")
            let start = try #require(first.text.range(of: "/diagnostic/reprendre/"))
            let resumePath = String(first.text[start.lowerBound...].prefix { $0 != "\"" })
            let attached = try await world.bob.submit(
                "/diagnostics/\(id)/rattacher", ["association": world.association])
            #expect(attached.status == .seeOther)
            #expect(try await world.bob.get("/diagnostics/\(id)/rapport").text.contains("rattaché"))
            // As a member Bob still reads it, but may not delete it: only owners may.
            #expect(try await world.bob.submit("/diagnostics/\(id)/supprimer", [:]).status == .forbidden)
            // Bob signs out and into a second account in the same browser.
            _ = try await world.bob.submit("/deconnexion", [:])
            try await Self.expectLockedOut(world.bob, id, "signed out after attaching")
            _ = try await world.bob.submit(
                "/inscription",
                ["display_name": "Bob bis", "email": "bob.bis@example.org", "password": "lampe tulipe orage cheval"])
            try await Self.expectLockedOut(world.bob, id, "second account in the same browser")
            // The old resume link no longer opens it, in any browser.
            let stranger = app.browser()
            #expect(try await stranger.get(resumePath).status == .notFound)
            try await Self.expectLockedOut(stranger, id, "holder of the old resume link")
            #expect(try await Self.diagnosticExists(app, id))
            // The owner still may.
            #expect(try await world.alice.submit("/diagnostics/\(id)/supprimer", [:]).status == .seeOther)
            #expect(try await !Self.diagnosticExists(app, id))
        }
    }

    @Test("A resume link passed to someone who attaches it: its creator no longer sees that association's scores")
    func sharedLinkThenAttached() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            // An earlier diagnostic of the association, with answers: its scores are the association's data.
            let earlier = try await Self.startForAssociation(world.alice, world.association)
            try await app.answerAll(world.alice, id: earlier) { q in q.bestOption }
            // A visitor starts one anonymously and passes the link on to Alice.
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let first = try await visitor.get("/diagnostics/\(id)/etape/1")
            let start = try #require(first.text.range(of: "/diagnostic/reprendre/"))
            let resumePath = String(first.text[start.lowerBound...].prefix { $0 != "\"" })
            _ = try await world.alice.get(resumePath)
            #expect(
                try await world.alice.submit("/diagnostics/\(id)/rattacher", ["association": world.association]).status
                    == .seeOther)
            let report = try await world.alice.get("/diagnostics/\(id)/rapport")
            #expect(report.status == .ok)
            // The visitor, signed out, and signed in to an account of their own: nothing.
            try await Self.expectLockedOut(visitor, id, "link creator, signed out")
            #expect(try await visitor.get(resumePath).status == .notFound)
            _ = try await visitor.submit(
                "/inscription",
                ["display_name": "Visiteur", "email": "visiteur@example.org", "password": "lampe tulipe orage cheval"])
            try await Self.expectLockedOut(visitor, id, "link creator, signed in")
        }
    }

    @Test("Handing over ownership moves the right to delete with it")
    func roleChanged() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            let id = try await Self.startForAssociation(world.alice, world.association)
            #expect(
                try await world.alice.submit("/associations/\(world.association)/transfert", ["member": world.bobID])
                    .status == .seeOther)
            #expect(try await world.alice.submit("/diagnostics/\(id)/supprimer", [:]).status == .forbidden)
            #expect(try await world.alice.get("/diagnostics/\(id)/rapport").status == .ok)
            #expect(try await world.bob.submit("/diagnostics/\(id)/supprimer", [:]).status == .seeOther)
            #expect(try await !Self.diagnosticExists(app, id))
        }
    }
}
