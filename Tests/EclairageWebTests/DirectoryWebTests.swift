import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The directory: a file in the national schema imported through the administrator's page (streamed
/// upload, preview, apply), its bad rows reported exactly, re-imports that never duplicate, exports that
/// give the file back, the list's facets and "près de…", and who may import.
@Suite("Directory: import, export, search")
struct DirectoryWebTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/directory")
    static var sample: [UInt8] {
        Array((try? Data(contentsOf: fixtures.appendingPathComponent("lieux-sample.csv"))) ?? Data())
    }

    static func admin(_ app: TestApp) async throws -> Browser {
        _ = try await Admins.create(
            email: "admin@example.org", name: "Admin", password: "phrase de passe administrateur",
            services: app.services)
        let browser = app.browser()
        _ = try await browser.submit(
            "/connexion", ["email": "admin@example.org", "password": "phrase de passe administrateur"])
        return browser
    }

    /// Another server holds the import job (its run is claimed): requests find it busy and do not wait for it.
    static func holdImportJob(_ app: TestApp) async throws {
        let now = app.now()
        try await app.services.database.write { sql in
            try await JobQueries.register(DirectoryImport.job, now: now, in: sql)
            #expect(try await JobQueries.claim(DirectoryImport.job, now: now, lease: Scheduler.lease, in: sql))
        }
    }

    /// That server's run ends: the job is due again.
    static func releaseImportJob(_ app: TestApp) async throws {
        let now = app.now()
        try await app.services.database.write {
            try await JobQueries.finish(DirectoryImport.job, ranAt: now, nextRun: now, error: nil, in: $0)
        }
    }

    /// Runs the import job's check of the uploaded files, as the scheduler does.
    static func check(_ app: TestApp) async throws {
        try await DirectoryImport.checkRequested(database: app.services.database, directory: app.services.directory)
    }

    /// Uploads, checks the preview, applies; returns the preview page before applying.
    static func importSample(_ app: TestApp, _ admin: Browser, contents: [UInt8] = sample) async throws -> Browser.Page
    {
        let staged = try await admin.upload(
            "/admin/annuaire", field: "fichier", fileName: "lieux.csv", contents: contents)
        #expect(staged.status == .seeOther)
        try await Self.check(app)
        let preview = try await admin.get(try #require(staged.location))
        let applied = try await admin.submit(try #require(staged.location) + "/appliquer", [:])
        #expect(applied.status == .seeOther)
        #expect(try await app.services.scheduler.runDue().contains("directory-import"))
        return preview
    }

    @Test("The sample file: every bad row reported with line, column and reason; nothing written before applying")
    func importReport() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            let staged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "lieux.csv", contents: Self.sample)
            #expect(staged.status == .seeOther)
            try await Self.check(app)
            let preview = try await admin.get(try #require(staged.location)).text
            #expect(preview.contains("Lignes de données</dt><dd>16"))
            #expect(preview.contains("Lignes valides</dt><dd>10 (dont corrigées : 2)"))
            let rows = preview.matches(
                of: /<tr><td>(\d+)<\/td><td>([^<]+)<\/td><td>(?:<strong>)?([^<]+)(?:<\/strong>)? ([^<]+)<\/td><\/tr>/
            ).map {
                "\($0.1) \($0.2) \($0.3) \($0.4)"
            }
            #expect(
                rows == [
                    "10 services Corrigée : « aide aux démarches administratives » lu comme « Aide aux démarches administratives »",
                    "10 services Corrigée : « MAÎTRISE des outils numériques du quotidien » lu comme « Maîtrise des outils numériques du quotidien »",
                    "11 telephone Corrigée : « 02 47 12 34 56 » corrigé en « +33247123456 »",
                    "12 nom Refusée : ce champ doit être rempli",
                    "13 services Refusée : « Réparation de smartphones » ne fait pas partie des valeurs possibles pour ce champ",
                    "14 latitude Refusée : les coordonnées (60.5, 0.8631) sont hors de France",
                    "15 code_postal Refusée : « 3700 » n&#39;est pas un code postal (5 chiffres)",
                    "16 date_maj Refusée : « 31/02/2024 » n&#39;est pas une date existante (format attendu : AAAA-MM-JJ)",
                    "17 - Refusée : la ligne a 31 champs alors que l&#39;en-tête en a 32",
                ])
            // Staged, not applied: the directory is still empty.
            #expect(try await app.browser().get("/annuaire").text.contains("Lieux <span class=\"muted\">(0)"))
            // While another server runs the import job, the request does not wait for it: the page says how
            // far it is, with a link to look again, and the directory is unchanged until the job runs.
            try await Self.holdImportJob(app)
            let applied = try await admin.submit(try #require(staged.location) + "/appliquer", [:])
            #expect(applied.status == .seeOther && applied.location == staged.location)
            let waiting = try await admin.get(try #require(applied.location)).text
            #expect(waiting.contains("L&#39;import est lancé : il s&#39;applique en arrière-plan, par lots."))
            #expect(waiting.contains("Application en cours. Lignes écrites dans l&#39;annuaire : 0 / 10"))
            #expect(waiting.contains("<a href=\"\(try #require(staged.location))\">Voir où en est l&#39;import</a>"))
            #expect(!waiting.contains("<button type=\"submit\">"))
            #expect(
                try await admin.submit(try #require(staged.location) + "/appliquer", [:]).location == staged.location)
            #expect(try await app.browser().get("/annuaire").text.contains("Lieux <span class=\"muted\">(0)"))
            try await Self.releaseImportJob(app)
            #expect(try await app.services.scheduler.runDue().contains("directory-import"))
            let done = try await admin.get(try #require(staged.location)).text
            #expect(done.contains("Lignes appliquées</dt><dd>10</dd>") && !done.contains("Application en cours"))
            #expect(try await app.browser().get("/annuaire").text.contains("Lieux <span class=\"muted\">(10)"))
            let changes = try await app.services.database.read {
                try await $0.select().column("changed_by").from("place_changes").all(
                    decodingColumn: "changed_by", as: String.self)
            }
            let adminID = try await app.services.database.read {
                try await $0.select().column("applied_by").from("directory_imports").all(
                    decodingColumn: "applied_by", as: String.self)
            }
            #expect(changes.count == 10 && Set(changes) == Set(adminID))
        }
    }

    @Test("Re-importing the same file, or the site's own export, changes nothing and duplicates nothing")
    func reimportAndRoundTrip() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            _ = try await Self.importSample(app, admin)
            _ = try await Self.importSample(app, admin)
            let count = { try await app.services.database.read { try await DirectoryQueries.published(in: $0) }.count }
            #expect(try await count() == 10)
            let changes = try await app.services.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM place_changes").first(decoding: CountRow.self)?.n
            }
            #expect(changes == 10)
            let export = try await app.browser().get("/annuaire/lieux.csv")
            #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = export.raw.dropFirst().split(separator: "\r\n")
            #expect(lines.first.map(String.init) == Place.schemaColumns.joined(separator: ","))
            #expect(lines.count == 11)
            let preview = try await Self.importSample(app, admin, contents: Array(export.raw.utf8))
            #expect(preview.text.contains("Lignes valides</dt><dd>10</dd>"))
            #expect(preview.text.contains("Aucune ligne refusée ni corrigée."))
            #expect(try await count() == 10)
            let after = try await app.services.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM place_changes").first(decoding: CountRow.self)?.n
            }
            #expect(after == 10)
        }
    }

    @Test("A Windows-1252 file with semicolons reads the same; a file without the schema's columns is refused whole")
    func spreadsheetVariants() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            // The sample as a French spreadsheet saves it: semicolons, Windows-1252.
            let records = try CSVReader(url: Self.fixtures.appendingPathComponent("lieux-sample.csv")).records()
            var text = ""
            while let record = try records.next() { text += CSVWriter.line(record.fields, separator: ";") }
            let latin = text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 0x3F }
            let staged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "excel.csv", contents: latin)
            try await Self.check(app)
            let preview = try await admin.get(try #require(staged.location)).text
            #expect(preview.contains("Windows-1252, séparateur « ; »"))
            #expect(preview.contains("Lignes valides</dt><dd>10 (dont corrigées : 2)"))
            let bad = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "autre.csv", contents: Array("name,city\nA,B\n".utf8))
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.text.contains(
                    "L&#39;en-tête du fichier n&#39;a pas les colonnes obligatoires du schéma : id, pivot, nom"))
            let empty = try await admin.upload("/admin/annuaire", field: "fichier", fileName: "vide.csv", contents: [])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("Choisissez un fichier CSV à importer."))
        }
    }

    @Test(
        "An upload is checked by the import job: the request waits a few seconds for it, so a usual file lands on its report; applying the same"
    )
    func checkedAtOnce() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            let staged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "lieux.csv", contents: Self.sample)
            #expect(staged.status == .seeOther)
            let path = try #require(staged.location)
            let report = try await admin.get(path).text
            #expect(report.contains("Le fichier est vérifié : voici ce que l&#39;import changerait."))
            #expect(report.contains("Lignes valides</dt><dd>10 (dont corrigées : 2)"))
            #expect(report.contains(path + "/appliquer") && !report.contains("Vérification en cours"))
            let applied = try await admin.submit(path + "/appliquer", [:])
            #expect(applied.status == .seeOther && applied.location == path)
            let done = try await admin.get(path).text
            #expect(done.contains("L&#39;import est appliqué : l&#39;annuaire est à jour."))
            #expect(done.contains("Lignes appliquées</dt><dd>10</dd>") && !done.contains("Application en cours"))
            #expect(try await app.browser().get("/annuaire").text.contains("Lieux <span class=\"muted\">(10)"))
        }
    }

    @Test(
        "An upload is checked by the import job: while another server runs it, the administrator lands on a progress page they can leave, the report shows once the job has run"
    )
    func checkedInTheBackground() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            try await Self.holdImportJob(app)
            let staged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "lieux.csv", contents: Self.sample)
            #expect(staged.status == .seeOther)
            let path = try #require(staged.location)
            let waiting = try await admin.get(path)
            #expect(waiting.status == .ok)
            #expect(waiting.text.contains("il est vérifié ligne à ligne en arrière-plan"))
            #expect(waiting.text.contains("Vérification en cours. Lignes lues : 0"))
            #expect(waiting.text.contains("la vérification continue sans vous"))
            #expect(!waiting.text.contains(path + "/appliquer") && !waiting.text.contains("Rapport"))
            // Not applied before it is checked; the list says where it is.
            let early = try await admin.submit(path + "/appliquer", [:])
            #expect(early.status == .seeOther)
            #expect(try await admin.get(try #require(early.location)).text.contains("déjà été appliqué ou abandonné"))
            #expect(try await admin.get("/admin/annuaire").text.contains("en cours de vérification"))
            // The scheduler's next run checks it; the file kept for it is dropped.
            try await Self.releaseImportJob(app)
            #expect(try await app.services.scheduler.runDue().contains("directory-import"))
            let report = try await admin.get(path).text
            #expect(report.contains("Lignes de données</dt><dd>16"))
            #expect(report.contains("Lignes valides</dt><dd>10 (dont corrigées : 2)"))
            #expect(report.contains(path + "/appliquer") && !report.contains("Vérification en cours"))
            let id = String(path.split(separator: "/").last ?? "")
            let file = try await app.services.database.read {
                try await DirectoryImportQueries.filePart(id, part: 0, in: $0)
            }
            #expect(file == nil)
            #expect(try await app.browser().get("/annuaire").text.contains("(0)"))
        }
    }

    @Test("A file of several stored parts is checked whole: every row of a 2 MB file is read and counted")
    func checkedAcrossParts() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            let text = String(decoding: Self.sample, as: UTF8.self)
            let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
            var body = String(text.dropFirst(header.count)).trimmingCharacters(in: .newlines) + "\n"
            let copies = 2 * DirectoryImport.partSize / body.utf8.count + 1
            body = String(repeating: body, count: copies)
            #expect(body.utf8.count > 2 * DirectoryImport.partSize)
            let staged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "grand.csv", contents: Array((header + "\n" + body).utf8)
            )
            #expect(staged.status == .seeOther)
            try await Self.check(app)
            let report = try await admin.get(try #require(staged.location)).text
            #expect(report.contains("Lignes de données</dt><dd>\(16 * copies)<"))
        }
    }

    @Test("Only an administrator imports; a forged upload is refused before anything is written")
    func importAccess() async throws {
        try await withApp { app in
            #expect(try await app.browser().get("/admin/annuaire").status == .forbidden)
            let someone = try await app.signedUpBrowser(name: "Léa", email: "lea@example.org")
            #expect(try await someone.get("/admin/annuaire").status == .forbidden)
            #expect(
                try await someone.upload("/admin/annuaire", field: "fichier", fileName: "l.csv", contents: Self.sample)
                    .status == .forbidden)
            let admin = try await Self.admin(app)
            let forged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "l.csv", contents: Self.sample,
                csrf: "abcdefghijklmnopqrstuvwxyz012345")
            #expect(forged.status == .forbidden)
            let staged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "l.csv", contents: Self.sample)
            let path = try #require(staged.location)
            #expect(try await someone.get(path).status == .forbidden)
            #expect(try await someone.submit(path + "/appliquer", [:]).status == .forbidden)
            #expect(try await app.browser().get("/annuaire").text.contains("(0)"))
            let imports = try await app.services.database.read {
                try await DirectoryImportQueries.recent(limit: 10, in: $0)
            }
            #expect(imports.count == 1)
        }
    }

    @Test(
        "Near a postcode: nearest first with distances; facets count what each choice would give; exports follow the filters"
    )
    func searchAndExports() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            _ = try await Self.importSample(app, admin)
            let visitor = app.browser()
            let near = try await visitor.get("/annuaire?pres=37000&rayon=10").text
            let names = near.matches(
                of: /<li><a href="\/annuaire\/lieux\/[a-z0-9]+">([^<]+)<\/a> <span class="muted">([^<]+)<\/span>/
            ).map { "\($0.1) – \($0.2)" }
            #expect(names.count == 3)
            #expect(names.first?.hasPrefix("Espace numérique des Halles – 37000 Tours · 0,") == true)
            let paid = try await visitor.get("/annuaire?frais=Payant").text
            #expect(paid.contains("Lieux <span class=\"muted\">(3)"))
            #expect(paid.contains(#"value="Gratuit"> Gratuit (5)"#))
            let several = try await visitor.get("/annuaire?pres=Saint-Denis").text
            #expect(several.contains("Plusieurs communes s&#39;appellent « Saint-Denis »"))
            #expect(several.contains("Saint-Denis (974)"))
            let geo = try await visitor.get("/annuaire/lieux.geojson?departement=41")
            let collection = try #require(try JSONSerialization.jsonObject(with: Data(geo.raw.utf8)) as? [String: Any])
            // Four places in Loir-et-Cher, one of them without coordinates: GeoJSON has the three others.
            #expect((collection["features"] as? [Any])?.count == 3)
            let json = try await visitor.get("/annuaire/lieux.json?frais=Payant")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.raw.utf8)) as? [String: Any])
            #expect((document["structures"] as? [Any])?.count == 3)
            #expect(
                ((document["services"] as? [[String: Any]]) ?? []).allSatisfy {
                    ($0["structure_id"] as? String)?.isEmpty == false
                })
            let map = try await visitor.get("/annuaire/carte?departement=37").text
            #expect(map.contains("<title id=\"carte-titre\">Carte de 6 lieux</title>"))
            #expect(try await visitor.get("/annuaire/lieux/inconnu").status == .notFound)
        }
    }

    @Test("A row that looks like a listed place under another id is pointed out at import")
    func duplicateAtImport() async throws {
        try await withApp { app in
            let admin = try await Self.admin(app)
            _ = try await Self.importSample(app, admin)
            let text = String(decoding: Self.sample, as: UTF8.self).split(whereSeparator: \.isNewline)
            let twin = text[1].replacingOccurrences(of: "ecl-37-0001", with: "autre-source-42").replacingOccurrences(
                of: "Espace numérique des Halles", with: "Espace numerique Les Halles")
            let staged = try await admin.upload(
                "/admin/annuaire", field: "fichier", fileName: "autre.csv",
                contents: Array((text[0] + "\n" + twin + "\n").utf8))
            try await Self.check(app)
            let preview = try await admin.get(try #require(staged.location)).text
            #expect(
                preview.contains(
                    "<tr><td>2</td><td>nom</td><td>Corrigée : ressemble à « Espace numérique des Halles » (identifiant ecl-37-0001), déjà dans l&#39;annuaire"
                ))
        }
    }

    @Test(
        "The map stays server-drawn and offline by default; with a tile server configured, Leaflet (served by the site) enhances it"
    )
    func interactiveMap() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/annuaire/carte")
            #expect(!page.raw.contains("<script") && page.raw.contains("<svg"))
            #expect(try await app.browser().get("/static/leaflet/leaflet.js").status == .notFound)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leaflet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("window.L = {};".utf8).write(to: folder.appendingPathComponent("leaflet.js"))
        let settings = ["MAP_TILES_URL": "https://tuiles.example.org/{z}/{x}/{y}.png", "LEAFLET_PATH": folder.path]
        try await withApp(settings) { app in
            let page = try await app.browser().get("/annuaire/carte?departement=37")
            #expect(
                page.raw.contains(
                    #"data-geojson="/annuaire/lieux.geojson?departement=37" data-tiles="https://tuiles.example.org/{z}/{x}/{y}.png""#
                ))
            #expect(
                page.raw.contains(
                    #"<script src="/static/leaflet/leaflet.js" defer></script><script src="/static/carte.js" defer></script>"#
                ))
            #expect(
                page.headers[.init("Content-Security-Policy")!]?.contains(
                    "img-src 'self' data: https://tuiles.example.org;") == true)
            let leaflet = try await app.browser().get("/static/leaflet/leaflet.js")
            #expect(leaflet.status == .ok && leaflet.raw == "window.L = {};")
            #expect(try await app.browser().get("/static/leaflet/..%2F..%2Fetc%2Fpasswd").status == .notFound)
            #expect(try await app.browser().get("/static/carte.js").raw.contains("L.geoJSON"))
        }
        #expect(throws: AppConfiguration.Problems.self) {
            try AppConfiguration.fromEnvironment(["MAP_TILES_URL": "http://tuiles.example.org/"])
        }
    }

    @Test(
        "Leaflet's files are served as they are on disk, text and images, with their type and cache headers; a missing one is a 404"
    )
    func leafletFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leaflet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let css = Array(".leaflet-container { overflow: hidden; }\n".utf8)
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x80]
            + (0..<300_000).map { UInt8($0 % 251) }
        try Data(css).write(to: folder.appendingPathComponent("leaflet.css"))
        try Data(png).write(to: folder.appendingPathComponent("images/marker-icon.png"))
        let settings = ["MAP_TILES_URL": "https://tuiles.example.org/{z}/{x}/{y}.png", "LEAFLET_PATH": folder.path]
        try await withApp(settings) { app in
            let style = try await app.browser().get("/static/leaflet/leaflet.css")
            #expect(style.status == .ok && style.bytes == css)
            #expect(
                style.headers[.contentType] == "text/css; charset=utf-8"
                    && style.headers[.cacheControl] == "public, max-age=86400")
            let icon = try await app.browser().get("/static/leaflet/marker-icon.png")
            #expect(icon.status == .ok && icon.bytes == png)
            #expect(icon.headers[.contentType] == "image/png" && icon.headers[.cacheControl] == "public, max-age=86400")
            let missing = try await app.browser().get("/static/leaflet/layers.png")
            #expect(missing.status == .notFound && missing.raw.contains("<html"))
        }
    }
}
