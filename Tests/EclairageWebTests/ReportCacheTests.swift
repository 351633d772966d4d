import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Signed-in pages cheaper (issue 24, item 5): what the report and an association's page compute
/// from the answers is kept (`ReportCache`), exactly, and never the per-person shell.
@Suite("Reports: computed once per answers, exact, each reader's own shell")
struct ReportCacheTests {
    struct Setup {
        let association: String
        let previous: String
        let diagnostic: String
        let alice: Browser
        let bob: Browser
    }

    /// Alice's association (Bob a member too) with two completed diagnostics: the report of the second
    /// compares with the first.
    static func setUp(_ app: TestApp) async throws -> Setup {
        let alice = try await app.signedUpBrowser(name: "Alice Duval", email: "alice@example.org")
        let association = try associationID(
            try await alice.submit("/associations/nouvelle", ["name": "Chorale", "postcode": "37000"]))
        func diagnostic(_ pick: (EclairageDomain.Question) -> EclairageDomain.Option) async throws -> String {
            let started = try await alice.submit("/associations/\(association)/diagnostics", [:])
            let id = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            try await app.answerAll(alice, id: id, pick: pick)
            app.advance(60)
            return id
        }
        let previous = try await diagnostic { $0.worstOption }
        let current = try await diagnostic { $0.options[$0.id.utf8.count % $0.options.count] }
        let invited = try await alice.submit("/associations/\(association)/invitations", [:])
        let link = String(try #require(invited.text.firstMatch(of: /\/invitation\/[a-z0-9]+/)).0)
        let bob = try await app.signedUpBrowser(name: "Bob Martin", email: "bob@example.org")
        #expect(try await bob.submit(link, [:]).status == .seeOther)
        return Setup(association: association, previous: previous, diagnostic: current, alice: alice, bob: bob)
    }

    /// The same browser's session on another server (its own caches, as another process would have).
    static func onSecondServer<R: Sendable>(
        _ app: TestApp, _ browser: Browser, _ body: @escaping @Sendable (Browser) async throws -> R
    ) async throws -> R {
        let other = try await PublicPagesTests.secondServer(app)
        let otherApp = Application(router: buildRouter(services: other), logger: TestDatabase.logger)
        return try await otherApp.test(.router) { client in
            let reader = Browser(client: client)
            reader.setCookie("SESSION_ID", try #require(browser.cookie("SESSION_ID")))
            return try await body(reader)
        }
    }

    @Test("The report served from the cache is the page computed without it, byte for byte, comparison included")
    func cachedEqualsUncached() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let path = "/diagnostics/\(setup.diagnostic)/rapport"
            let pages = app.services.reports.pages
            let misses = pages.statistics.misses
            let computed = try await setup.alice.get(path)
            #expect(computed.status == .ok)
            #expect(pages.statistics.misses == misses + 1)
            #expect(computed.text.contains(#"<th scope="col">Précédent</th>"#))  // the comparison with the previous one
            let hits = pages.statistics.hits
            let cached = try await setup.alice.get(path)
            #expect(pages.statistics.hits == hits + 1)
            #expect(cached.raw == computed.raw)
            // And the page another server computes for the first time is the same.
            let elsewhere = try await Self.onSecondServer(app, setup.alice) { try await $0.get(path) }
            #expect(elsewhere.raw == cached.raw)
        }
    }

    @Test("A changed answer is seen at once: in the report and in the association's levels, on this server and another")
    func changedAnswerSeenAtOnce() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let path = "/diagnostics/\(setup.diagnostic)/rapport"
            let before = try await setup.alice.get(path)
            _ = try await setup.alice.get("/associations/\(setup.association)")  // its levels kept too
            _ = try await setup.alice.get(path)  // now kept
            // Every answer of the first theme changed to the best one, on another server.
            let theme = try #require(
                app.services.questionnaire.pages.firstIndex { if case .theme = $0 { true } else { false } })
            guard case .theme(let first, _) = app.services.questionnaire.pages[theme] else { return }
            var fields = ["direction": "report"]
            for question in first.questions { fields["q.\(question.id)"] = question.bestOption.id }
            let answers = fields
            let saved = try await Self.onSecondServer(app, setup.alice) { reader in
                _ = try await reader.get("/diagnostics/\(setup.diagnostic)/etape/\(theme + 1)")
                return try await reader.submit("/diagnostics/\(setup.diagnostic)/etape/\(theme + 1)", answers)
            }
            #expect(saved.status == .seeOther)
            let after = try await setup.alice.get(path)
            #expect(after.raw != before.raw)
            // Exactly what a server that never saw the old answers computes.
            let fresh = try await Self.onSecondServer(app, setup.alice) { try await $0.get(path) }
            #expect(after.raw == fresh.raw)
            let associationAfter = try await setup.alice.get("/associations/\(setup.association)")
            let freshAssociation = try await Self.onSecondServer(app, setup.alice) {
                try await $0.get("/associations/\(setup.association)")
            }
            #expect(associationAfter.raw == freshAssociation.raw)
        }
    }

    @Test("Two people reading the same report share what the answers give, never their shell")
    func ownShell() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let path = "/diagnostics/\(setup.diagnostic)/rapport"
            let alicePage = try await setup.alice.get(path)
            let aliceToken = try #require(alicePage.csrfToken)
            let hits = app.services.reports.pages.statistics.hits
            let bobPage = try await setup.bob.get(path)
            #expect(app.services.reports.pages.statistics.hits == hits + 1)  // the same computed part
            let bobToken = try #require(bobPage.csrfToken)
            #expect(bobToken != aliceToken)
            #expect(!bobPage.raw.contains(aliceToken))
            // What the answers give is the same for both members (their own token apart).
            func themes(_ page: Browser.Page, _ token: String) throws -> String {
                let text = page.raw.replacingOccurrences(of: token, with: "")
                let start = try #require(text.range(of: #"<section aria-labelledby="themes">"#))
                let end = try #require(text.range(of: "</section>", range: start.upperBound..<text.endIndex))
                return String(text[start.lowerBound..<end.upperBound])
            }
            #expect(try themes(bobPage, bobToken) == themes(alicePage, aliceToken))
            // An advisor of a body the association lets in: the same answers, their own shell (no saving,
            // words for an advisor), and no one else's token.
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(
                    try await carol.submit("/structures/nouvelle", ["name": "PAVA Tours", "departement": "37"]).location
                ).dropFirst("/structures/".count))
            #expect(try await app.grant(setup.alice, association: setup.association, body: body).status == .seeOther)
            let carolPage = try await carol.get(path)
            #expect(carolPage.status == .ok)
            #expect(alicePage.raw.contains(#"name="kind" value="step""#))
            #expect(!carolPage.raw.contains(#"name="kind" value="step""#))
            #expect(!carolPage.raw.contains(aliceToken) && !carolPage.raw.contains(bobToken))
            #expect(
                carolPage.raw != alicePage.raw.replacingOccurrences(of: aliceToken, with: carolPage.csrfToken ?? ""))
            // A step Alice keeps for the plan is shown as kept to her association (Bob), at once.
            let reference = try #require(
                alicePage.text.firstMatch(
                    of: /name="kind" value="step"><input type="hidden" name="reference" value="([^"]+)"/)
            ).1
            #expect(
                try await setup.alice.submit(
                    "/associations/\(setup.association)/etapes",
                    ["kind": "step", "reference": String(reference), "diagnostic": setup.diagnostic]
                ).status == .seeOther)
            let bobAgain = try await setup.bob.get(path)
            #expect(!bobAgain.text.contains(#"name="reference" value="\#(reference)""#))
            // An anonymous visitor's own diagnostic: the resume link (its secret) is theirs only.
            let visitor = app.browser()
            let anonymous = try await app.startDiagnostic(visitor)
            try await app.answerAll(visitor, id: anonymous) { $0.bestOption }
            let own = try await visitor.get("/diagnostics/\(anonymous)/rapport")
            #expect(own.text.contains("/diagnostic/reprendre/"))
            let stranger = try await app.browser().get("/diagnostics/\(anonymous)/rapport")
            #expect(stranger.status != .ok)
            #expect(!stranger.text.contains("/diagnostic/reprendre/"))
        }
    }
}
