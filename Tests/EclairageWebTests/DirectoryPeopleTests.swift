import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The directory as its people use it (issue 22): searches typed with spaces, editors who import and
/// moderate from the directory's page.
@Suite("Directory: as its users expect")
struct DirectoryPeopleTests {
    /// An account the administrator makes one of the network's editors, signed in.
    static func editor(_ app: TestApp, admin: Browser) async throws -> Browser {
        let editor = try await app.signedUpBrowser(name: "Nadia Coordinatrice", email: "nadia@example.org")
        let id = try #require(
            try await app.services.database.read { try await UserQueries.find(email: "nadia@example.org", in: $0) }?.id)
        #expect(try await admin.submit("/admin/comptes/\(id)/editeur", [:]).status == .seeOther)
        return editor
    }

    @Test("A query string's `+` is a space, for every page: \"37+000\" and \"centre+social\" are read as typed")
    func plusIsASpace() async throws {
        #expect(QueryFields("q=centre+social&pres=37+000").get("q") == "centre social")
        #expect(QueryFields("q=centre+social&pres=37+000")["pres"] == "37 000")
        #expect(QueryFields("q=a%2Bb")["q"] == "a+b")
        #expect(QueryFields("q=%ZZ")["q"] == "%ZZ")
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            _ = try await DirectoryWebTests.importSample(app, admin)
            let visitor = app.browser()
            let typed = try await visitor.get("/annuaire?pres=37+000&rayon=10").text
            #expect(typed.contains("Lieux <span class=\"muted\">(3)"))
            #expect(typed.contains(#"value="37 000""#))
            let spaced = try await visitor.get("/annuaire?q=espace+num%C3%A9rique").text
            #expect(spaced.contains("Espace numérique des Halles"))
            #expect(!spaced.contains("Médiathèque du Parvis"))
            #expect(spaced.contains(#"value="espace numérique""#))
        }
    }

    @Test("An editor imports from the directory's page (preview, apply); the page shows the queue with its count")
    func editorImports() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            let someone = try await app.signedUpBrowser(name: "Léa", email: "lea@example.org")
            let editor = try await Self.editor(app, admin: admin)
            let page = try await editor.get("/annuaire").text
            #expect(page.contains(#"<a href="/admin/annuaire">Importer un fichier</a>"#))
            #expect(page.contains(#"<a href="/annuaire/moderation">Relecture des propositions</a> : 0 en attente"#))
            #expect(!(try await someone.get("/annuaire").text.contains("Importer un fichier")))
            #expect(try await someone.get("/admin/annuaire").status == .forbidden)
            #expect(try await editor.get("/admin/annuaire").status == .ok)
            let preview = try await DirectoryWebTests.importSample(app, editor)
            #expect(preview.text.contains("Lignes valides</dt><dd>10 (dont corrigées : 2)"))
            #expect(try await app.browser().get("/annuaire").text.contains("Lieux <span class=\"muted\">(10)"))
            _ = try await app.browser().submit("/annuaire/proposer", pairs: ContributionWebTests.proposal)
            #expect(try await editor.get("/annuaire").text.contains("Relecture des propositions</a> : 1 en attente"))
        }
    }

    /// The sample with two listings changed (one of them from another source), one new place.
    static func revisedSample() throws -> [UInt8] {
        let records = try CSVReader(url: DirectoryWebTests.fixtures.appendingPathComponent("lieux-sample.csv"))
            .records()
        let header = try #require(try records.next()).fields
        let column = { (name: String) in header.firstIndex(of: name)! }
        var text = CSVWriter.line(header)
        var first: [String] = []
        while let record = try records.next() {
            var fields = record.fields
            switch fields[0] {
            case "ecl-37-0001": first = fields
            case "ecl-37-0002": fields[column("telephone")] = "+33261910199"
            case "ecl-37-0004": fields[column("source")] = "Hub numérique Centre-Val de Loire"
            default: break
            }
            text += CSVWriter.line(fields)
        }
        first[0] = "ecl-37-0099"
        first[column("nom")] = "Tiers-lieu de la Riche"
        first[column("code_postal")] = "37520"
        first[column("commune")] = "La Riche"
        first[column("code_insee")] = "37195"
        text += CSVWriter.line(first)
        return Array(text.utf8)
    }

    @Test(
        "The preview counts new, updated, unchanged and refused; shows each update field by field; warns before replacing another source's listing; names refused lines and hands them back as a file"
    )
    func importPreview() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            _ = try await DirectoryWebTests.importSample(app, admin)
            let editor = try await Self.editor(app, admin: admin)
            let staged = try await editor.upload(
                "/admin/annuaire", field: "fichier", fileName: "revu.csv", contents: try Self.revisedSample())
            try await DirectoryWebTests.check(app)
            let path = try #require(staged.location)
            let preview = try await editor.get(path).text
            #expect(preview.contains("Nouveaux lieux : <strong>1</strong>"))
            #expect(preview.contains("Lieux mis à jour : <strong>2</strong>"))
            #expect(preview.contains("Lieux sans changement : <strong>8</strong>"))
            #expect(preview.contains("Lignes refusées, laissées de côté : <strong>6</strong>"))
            #expect(
                preview.contains(
                    "<summary>Médiathèque du Parvis (ecl-37-0002)</summary>"))
            #expect(preview.contains("<td>+33261910102</td><td>+33261910199</td>"))
            #expect(
                preview.contains(
                    "France Services du Chinonais (ecl-37-0004) : publiée par « Communauté de communes Chinon, Vienne et Loire », remplacée par « Hub numérique Centre-Val de Loire »"
                ))
            #expect(preview.contains(#"<div class="caution" role="alert">"#))
            #expect(preview.contains("Ligne 15 – <strong>Atelier numérique Sanitas</strong> : « 3700 »"))
            #expect(preview.contains("Ligne 12 – lieu sans nom :"))
            let file = try #require(preview.firstMatch(of: /href="([^"]+lignes-refusees\.csv)"/)).1
            let refused = try await editor.get(String(file))
            #expect(refused.status == .ok && refused.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = refused.raw.dropFirst().split(separator: "\r\n")
            #expect(lines.count == 7)
            #expect(lines.first?.hasPrefix("id,pivot,nom,") == true && lines.first?.hasSuffix(",motif_du_refus") == true)
            #expect(lines.contains { $0.hasPrefix("ecl-37-0007,") && $0.hasSuffix("code_postal : « 3700 » n'est pas un code postal (5 chiffres)") })
            // Nobody but an editor reads it.
            let someone = try await app.signedUpBrowser(name: "Léa", email: "lea@example.org")
            #expect(try await someone.get(String(file)).status == .forbidden)
            #expect(try await editor.get("/admin/annuaire/imports/inconnu/lignes-refusees.csv").status == .notFound)
            // Applying does what the preview said.
            _ = try await editor.submit(path + "/appliquer", [:])
            try await app.services.scheduler.runDue()
            #expect(try await app.browser().get("/annuaire").text.contains("Lieux <span class=\"muted\">(11)"))
        }
    }
}
