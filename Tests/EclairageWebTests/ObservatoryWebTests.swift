import EclairageDomain
import Foundation
import Testing

@testable import EclairageWeb

/// The observatory's pages: what the network reads, what the public reads once a territory is made
/// public, hidden cells saying why, the CSV, and addresses that name nothing.
@Suite("Observatory pages")
struct ObservatoryWebTests {
    /// `counts` associations per département (each its own unit, anonymous), completed in March 2026
    /// with the given overall score, then the observatory's job run as the scheduler runs it.
    static func seed(_ app: TestApp, _ counts: [String: Int], overall: Int = 70) async throws {
        var rows: [ObservatoryRecordRow] = []
        for (departement, count) in counts.sorted(by: { $0.key < $1.key }) {
            for index in 0..<count {
                let record = ObservatoryRecord(
                    month: "2026-03", departement: departement, sizeBand: "small", questionnaireVersion: "1",
                    overall: overall, level: Level.of(score: overall), scores: ["outils": overall],
                    tags: ["difficulty:human", "free-software:yes", "uses-for:agenda:framagenda"])
                rows.append(
                    ObservatoryRecordRow(
                        record, id: "r-\(departement)-\(index)", diagnosticID: nil, associationID: nil, now: app.now()))
            }
        }
        try await app.services.database.write { [rows] sql in
            try await ObservatoryQueries.insert(rows, in: sql)
            try await ObservatoryRecords.markPending(month: "2026-03", in: sql)
        }
        #expect(try await app.services.scheduler.runDue().contains("observatory"))
    }

    static func admin(_ app: TestApp) async throws -> Browser {
        _ = try await Admins.create(
            email: "admin@example.org", name: "Admin", password: "phrase de passe administrateur",
            services: app.services)
        let admin = app.browser()
        _ = try await admin.submit(
            "/connexion", ["email": "admin@example.org", "password": "phrase de passe administrateur"])
        return admin
    }

    @Test("The network reads a région: its total, each département's figure or why it is hidden, nothing under 5")
    func networkReadsARegion() async throws {
        try await withApp { app in
            // Auvergne-Rhône-Alpes: Rhône 12, Ain 7, Isère 3. Isère is too small; Ain is hidden with it,
            // or the région minus Rhône would give Isère away.
            try await Self.seed(app, ["69": 12, "01": 7, "38": 3])
            let admin = try await Self.admin(app)
            let page = try await admin.get("/observatoire/region-84/2026")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Auvergne-Rhône-Alpes · 2026</h1>"))
            #expect(page.text.contains("<dt>Associations</dt><dd>22</dd>"))
            #expect(
                page.text.contains(
                    #"<a href="/observatoire/departement-69/2026">Rhône (69)</a></th><td>12</td><td>70</td>"#))
            #expect(
                page.text.contains(
                    #"<a href="/observatoire/departement-38/2026">Isère (38)</a></th><td>moins de 5</td><td>moins de 5</td>"#
                ))
            #expect(
                page.text.contains(#"<a href="/observatoire/departement-01/2026">Ain (01)</a></th><td>masqué</td>"#))
            // Every one of the 22 is at level B, uses free software and declared human difficulties.
            #expect(page.text.contains("<th scope=\"row\">Niveau B</th><td>22</td><td>100 %</td>"))
            #expect(
                page.text.contains(
                    "<th scope=\"row\">Humaines (bénévoles, temps)</th><td>22</td><td>100 %</td><td>57 % (2019)</td>"))
            #expect(page.text.contains("<svg"))
            // The département too small to show: its page hides everything.
            let isere = try await admin.get("/observatoire/departement-38/2026")
            #expect(isere.status == .ok && isere.text.contains("<dt>Associations</dt><dd>moins de 5</dd>"))
            #expect(!isere.text.contains("<td>3</td>"))
            // A month gives the counts only, and says where the detail is.
            let march = try await admin.get("/observatoire/region-84/2026-03")
            #expect(march.text.contains("<dt>Associations</dt><dd>22</dd>") && !march.text.contains("Niveau B"))
            #expect(march.text.contains(#"<a href="/observatoire/region-84/2026-t1">T1 2026</a>"#))
        }
    }

    @Test("A territory is private until the network makes it public; the CSV gives the page's figures")
    func publication() async throws {
        try await withApp { app in
            try await Self.seed(app, ["69": 12])
            let visitor = app.browser()
            let refused = try await visitor.get("/observatoire/departement-69/2026")
            #expect(
                refused.status == .forbidden
                    && refused.text.contains("L&#39;observatoire de ce territoire n&#39;est pas public"))
            #expect(!refused.text.contains("<dd>12</dd>"))
            let admin = try await Self.admin(app)
            let published = try await admin.submit("/observatoire/departement-69/publication", ["publish": "1"])
            #expect(published.status == .seeOther && published.location == "/observatoire/departement-69/2026")
            #expect(AccompanimentTests.flash(published) == "observatory.published")
            let page = try await visitor.get("/observatoire/departement-69/2026")
            #expect(page.status == .ok && page.text.contains("<dt>Associations</dt><dd>12</dd>"))
            #expect(!page.text.contains("Rendre public"))
            let index = try await visitor.get("/observatoire")
            #expect(index.text.contains(#"<a href="/observatoire/departement-69/2026">Rhône (69)</a>"#))
            let csv = try await visitor.get("/observatoire/departement-69/2026/donnees.csv")
            #expect(csv.status == .ok && csv.text.contains("Associations,12\r\n"))
            #expect(csv.text.contains("Niveau B,12,100 %"))
            // Its région stays private; withdrawing closes the département again.
            #expect(try await visitor.get("/observatoire/region-84/2026").status == .forbidden)
            let withdrawn = try await admin.submit("/observatoire/departement-69/publication", ["publish": "0"])
            #expect(AccompanimentTests.flash(withdrawn) == "observatory.withdrawn")
            #expect(try await visitor.get("/observatoire/departement-69/2026").status == .forbidden)
            // Nobody but the network publishes.
            let other = try await app.signedUpBrowser(name: "Eve", email: "eve@example.org")
            #expect(
                try await other.submit("/observatoire/region-84/publication", ["publish": "1"]).status == .forbidden)
        }
    }

    @Test("Addresses that name no territory or no period get a clear answer, never a 500")
    func badAddresses() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            let unknown = try await admin.get("/observatoire/region-99/2026")
            #expect(unknown.status == .notFound && unknown.text.contains("Ce territoire n&#39;existe pas ici"))
            for period in ["2026-13", "2026-t5", "26", "2026-01-01", "demain"] {
                let page = try await admin.get("/observatoire/ensemble/\(period)")
                #expect(
                    page.status == .badRequest && page.text.contains("Cette période n&#39;est pas reconnue"),
                    "\(period)")
            }
            let chosen = try await admin.get("/observatoire?territoire=region-84&periode=2026-t2")
            #expect(chosen.status == .seeOther && chosen.location == "/observatoire/region-84/2026-t2")
            #expect(try await admin.get("/observatoire?territoire=nulle-part&periode=2026").status == .notFound)
            let forged = try await admin.submit("/observatoire/region-99/publication", ["publish": "1"])
            #expect(forged.status == .notFound)
            let empty = try await admin.get("/observatoire/ensemble/2031")
            #expect(empty.status == .ok && empty.text.contains("Aucun diagnostic terminé n&#39;est compté"))
        }
    }

    @Test("The job counts every record once: the whole instance's figure is a direct count of the records")
    func figuresMatchTheRecords() async throws {
        try await withApp { app in
            let written = try await DemoData(services: app.services).insertObservatory(300)
            #expect(try await app.services.scheduler.runDue().contains("observatory"))
            let (cells, counted) = try await app.services.database.read { sql in
                (
                    try await ObservatoryCubeQueries.cells(
                        territories: ["ensemble"], periods: ["2025", "2026"], tables: ["associations"], in: sql),
                    try await sql.raw("SELECT month FROM observatory_records").all().count
                )
            }
            #expect(written == 300 && counted == 300)
            #expect(cells.compactMap(\.shownCount).reduce(0, +) == 300 - (try await Self.olderThan2025(app)))
            #expect(
                try await app.services.database.read { try await ObservatoryCubeQueries.pendingYears(in: $0) }.isEmpty)
        }
    }

    static func olderThan2025(_ app: TestApp) async throws -> Int {
        try await app.services.database.read { sql in
            struct Row: Decodable { let month: String }
            return try await sql.raw("SELECT month FROM observatory_records").all(decoding: Row.self)
                .filter { $0.month < "2025-01" }.count
        }
    }
}
