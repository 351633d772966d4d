import CompressNIO
import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Public pages at the server's floor (issue 24): no cookie without a form, one version per area.
@Suite("Public pages: no cookie without a form, the calendar apart from the directory")
struct PublicPagesTests {
    @Test(
        "A page without a form sets no cookie (home, directory, the agenda, healthz, feeds, exports); one with a form keeps its token"
    )
    func noCookieWithoutForm() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app)
            let place = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }
                .first?.id)
            let paths = [
                "/", "/healthz", "/annuaire", "/annuaire?q=num", "/annuaire/carte",
                "/annuaire/lieux.csv", "/annuaire/lieux.json", "/annuaire/lieux.geojson", "/agenda", "/agenda.ics",
                "/agenda/formations/\(setup.training)/agenda.ics", "/annuaire/lieux/\(place)/agenda.ics", "/outils",
                "/fiches", "/cette-page-n-existe-pas",
            ]
            for path in paths {
                let page = try await app.browser().get(path)
                #expect(page.setCookies.isEmpty, "\(path): \(page.setCookies)")
                #expect(page.csrfToken == nil, "\(path)")
            }
            // The training's page has the registration form: its token comes with the cookie, and the form goes through.
            let visitor = app.browser()
            let training = try await visitor.get("/agenda/formations/\(setup.training)")
            let token = try #require(training.csrfToken)
            #expect(!token.contains(FormToken.slot))
            #expect(training.setCookies.contains { $0.hasPrefix("eclairage_csrf=\(token);") })
            #expect(!training.text.contains(FormToken.slot))
            let registered = try await visitor.submit(
                "/agenda/seances/\(setup.session)/inscription", ["name": "Ana", "email": "ana@example.org"], csrf: token
            )
            #expect(registered.status == .seeOther)
            // A place's page has a form too (asking for the editing link).
            let placePage = try await app.browser().get("/annuaire/lieux/\(place)")
            let placeToken = try #require(placePage.csrfToken)
            #expect(placePage.setCookies.contains { $0.hasPrefix("eclairage_csrf=\(placeToken);") })
            // A visitor who has the cookie gets the same token in the form, and no new cookie.
            let again = try await visitor.get("/connexion")
            #expect(again.csrfToken == token)
            #expect(!again.setCookies.contains { $0.hasPrefix("eclairage_csrf=") })
        }
    }

    @Test("A registration raises the calendar's version, not the directory's: the directory's index is not rebuilt")
    func calendarApart() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app)
            let database = app.services.database
            #expect(try await app.browser().get("/annuaire").status == .ok)
            #expect(try await app.browser().get("/agenda").status == .ok)
            let builds = app.services.directory.builds
            let before = try await DataVersions.read(database)
            #expect(try await CalendarWebTests.register(app, setup.session, "Ana").status == .seeOther)
            let after = try await DataVersions.read(database)
            #expect(after.directory == before.directory)
            #expect(after.calendar == before.calendar + 1)
            #expect(try await app.browser().get("/annuaire").status == .ok)
            let training = try await app.browser().get("/agenda/formations/\(setup.training)")
            #expect(training.text.contains("1 place libre sur 2."))
            #expect(app.services.directory.builds == builds)
            // A write to the directory rebuilds it, once for the requests that come together.
            try await database.transaction { try await DirectoryQueries.bumpVersion(in: $0) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await app.services.directory.current(database) }
                }
                try await group.waitForAll()
            }
            #expect(app.services.directory.builds == builds + 1)
        }
    }

    /// A second application server on the same database (its own caches, as another process would have).
    static func secondServer(_ app: TestApp) async throws -> AppServices {
        try await AppServices(
            configuration: try testConfiguration(), database: app.services.database, mailer: RecordingMailer(),
            time: app.services.time, logger: TestDatabase.logger)
    }

    @Test(
        "Whole pages from memory, exactly: a write by a form, by another server or by a command is seen by the next read"
    )
    func exactCache() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app)
            let path = "/agenda/formations/\(setup.training)"
            let first = try await app.browser().get(path)
            #expect(first.text.contains("2 places libres sur 2."))
            let hits = app.services.pageCache.statistics.hits
            let second = try await app.browser().get(path)
            #expect(app.services.pageCache.statistics.hits == hits + 1)
            // Each visitor gets their own token in the cached page, and the cookie that goes with it.
            let (one, two) = (try #require(first.csrfToken), try #require(second.csrfToken))
            #expect(one != two)
            #expect(second.setCookies.contains { $0.hasPrefix("eclairage_csrf=\(two);") })
            #expect(
                first.text.replacingOccurrences(of: one, with: "")
                    == second.text.replacingOccurrences(of: two, with: ""))
            // By a form on this server.
            #expect(try await CalendarWebTests.register(app, setup.session, "Ana").status == .seeOther)
            #expect(try await app.browser().get(path).text.contains("1 place libre sur 2."))
            // By a form on another server.
            let other = try await Self.secondServer(app)
            let otherApp = Application(router: buildRouter(services: other), logger: TestDatabase.logger)
            try await otherApp.test(.router) { client in
                let browser = Browser(client: client)
                let page = try await browser.submit(
                    "/agenda/seances/\(setup.session)/inscription", ["name": "Bob", "email": "bob@example.org"])
                #expect(page.status == .seeOther)
            }
            #expect(try await app.browser().get(path).text.contains("Complet"))
            // By a command (as the CLI writes): a place renamed, seen on its page, the list and the export.
            let row = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }
                .first)
            let placePath = "/annuaire/lieux/\(row.id)"
            #expect(try await app.browser().get(placePath).text.contains(row.name))
            #expect(try await app.browser().get("/annuaire/lieux.json").text.contains(row.name))
            var renamed = row
            renamed.name = "Médiathèque renommée à l'instant"
            try await other.database.transaction { [renamed] sql in
                try await DirectoryQueries.update(renamed, in: sql)
                try await DirectoryQueries.bumpVersion(in: sql)
            }
            #expect(try await app.browser().get(placePath).text.contains("Médiathèque renommée à l&#39;instant"))
            #expect(try await app.browser().get("/annuaire").text.contains("Médiathèque renommée à l&#39;instant"))
            #expect(
                try await app.browser().get("/annuaire/lieux.json").text.contains("Médiathèque renommée à l'instant"))
            // The minute moves: a page that shows time is rendered again.
            let misses = app.services.pageCache.statistics.misses
            app.advance(60)
            _ = try await app.browser().get("/annuaire")
            #expect(app.services.pageCache.statistics.misses == misses + 1)
            // Signed in, nothing comes from the cache.
            let editorHits = app.services.pageCache.statistics.hits
            _ = try await setup.editor.get(path)
            _ = try await setup.editor.get(path)
            #expect(app.services.pageCache.statistics.hits == editorHits)
            // /healthz reports the cache and its bound (32 MiB by default).
            let health = try await app.browser().get("/healthz")
            let json = try JSONSerialization.jsonObject(with: Data(health.text.utf8)) as? [String: Any]
            let cache = try #require(json?["page_cache"] as? [String: Int])
            #expect(cache["limit"] == 32 << 20)
            #expect((cache["bytes"] ?? 0) > 0 && (cache["bytes"] ?? 0) <= 32 << 20)
        }
    }

    @Test("Compressed once for the clients that accept gzip, with Vary; never a page carrying a form token")
    func gzip() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app)
            var headers = HTTPFields()
            headers[.acceptEncoding] = "gzip, deflate, br"
            let plain = try await app.browser().get("/annuaire/lieux.json")
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            let compressed = try await app.browser().get("/annuaire/lieux.json", headers: headers)
            #expect(compressed.headers[.contentEncoding] == "gzip")
            #expect(compressed.headers[.vary] == "Accept-Encoding")
            #expect(compressed.bytes.starts(with: [0x1f, 0x8b]))
            // The length announced is the compressed body's, or the client waits for bytes that never come.
            if let length = compressed.headers[.contentLength] { #expect(Int(length) == compressed.bytes.count) }
            #expect(compressed.bytes.count < plain.raw.utf8.count / 2)
            var decompressed = ByteBuffer(bytes: compressed.bytes)
            let text = try decompressed.decompress(with: .gzip())
            #expect(String(buffer: text) == plain.raw)
            headers[.acceptEncoding] = "gzip;q=0"
            #expect(try await app.browser().get("/annuaire", headers: headers).headers[.contentEncoding] == nil)
            // A page with the form token is never compressed.
            headers[.acceptEncoding] = "gzip"
            let training = try await app.browser().get("/agenda/formations/\(setup.training)", headers: headers)
            #expect(training.headers[.contentEncoding] == nil)
            #expect(training.csrfToken != nil)
        }
    }
}
