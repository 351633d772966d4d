import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Issue 24's audit: the cached public pages read only places, their services, trainings, sessions
/// and registrations (and the content); every write to those raises an area's version. Deleting an
/// account writes none of them (registrations are kept by address, not by account; a place's
/// managers are not shown to anonymous visitors), so it needs no version: proved here by comparing
/// each cached page with what a server that never cached it renders.
@Suite("Public pages stay exact when accounts go")
struct PublicPagesAuditTests {
    /// The page without its anonymous form token (each visitor has their own).
    static func withoutToken(_ page: Browser.Page) -> String {
        guard let token = page.csrfToken else { return page.raw }
        return page.raw.replacingOccurrences(of: token, with: "")
    }

    @Test(
        "Deleting an organiser's and a registrant's accounts: every cached public page is what a fresh server renders")
    func accountDeletion() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app)
            let ana = try await app.signedUpBrowser(name: "Ana", email: "ana@example.org")
            #expect(try await CalendarWebTests.register(app, setup.session, "Ana").status == .seeOther)
            let place = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }
                .first?.id)
            let paths = [
                "/agenda", "/agenda/formations/\(setup.training)", "/annuaire", "/annuaire/lieux/\(place)",
                "/annuaire/lieux.json", "/",
            ]
            for path in paths { #expect(try await app.browser().get(path).status == .ok, "\(path)") }
            let before = try await DataVersions.read(app.services.database)
            for browser in [ana, setup.editor] {
                let deleted = try await browser.submit("/compte/suppression", ["password": "lampe tulipe orage cheval"])
                #expect(deleted.location == "/", "\(deleted.status)")
            }
            // Nothing the public pages show was written: no version moved, and none had to.
            #expect(try await DataVersions.read(app.services.database) == before)
            let training = try await app.browser().get("/agenda/formations/\(setup.training)")
            #expect(training.text.contains("1 place libre sur 2."))
            let other = try await PublicPagesTests.secondServer(app)
            let otherApp = Application(router: buildRouter(services: other), logger: TestDatabase.logger)
            try await otherApp.test(.router) { client in
                for path in paths {
                    let hits = app.services.pageCache.statistics.hits
                    let cached = try await app.browser().get(path)
                    #expect(app.services.pageCache.statistics.hits == hits + 1, "\(path): served from memory")
                    let fresh = try await Browser(client: client).get(path)
                    #expect(Self.withoutToken(cached) == Self.withoutToken(fresh), "\(path)")
                }
            }
        }
    }

    @Test(
        "A feed is kept whole: served from memory with the time it is served as DTSTAMP; a cancellation is seen at once"
    )
    func feedKept() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app)
            let first = try await app.browser().get("/agenda.ics")
            #expect(first.raw.contains("UID:seance-\(setup.session)@"))
            app.advance(3600)
            let hits = app.services.pageCache.statistics.hits
            let later = try await app.browser().get("/agenda.ics")
            #expect(app.services.pageCache.statistics.hits == hits + 1)
            #expect(later.headers[.contentType] == "text/calendar; charset=utf-8")
            let stamps = later.raw.components(separatedBy: "\r\nDTSTAMP:").dropFirst()
            #expect(!stamps.isEmpty)
            #expect(stamps.allSatisfy { $0.hasPrefix(CalendarOrganiserTests.utc(app.now()) + "\r\n") })
            // The same file as the first apart from its stamps.
            #expect(
                later.raw.replacingOccurrences(of: "DTSTAMP:" + CalendarOrganiserTests.utc(app.now()), with: "")
                    == first.raw.replacingOccurrences(
                        of: "DTSTAMP:" + CalendarOrganiserTests.utc(app.now() - 3600), with: ""))
            #expect(try await setup.editor.submit("/agenda/seances/\(setup.session)/annuler", [:]).status == .seeOther)
            let after = try await app.browser().get("/agenda.ics")
            #expect(after.raw.contains("STATUS:CANCELLED"))
            #expect(after.raw.contains("SEQUENCE:1\r\n"))
        }
    }
}
