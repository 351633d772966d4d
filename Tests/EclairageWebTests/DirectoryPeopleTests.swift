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
            #expect(
                lines.first?.hasPrefix("id,pivot,nom,") == true && lines.first?.hasSuffix(",motif_du_refus") == true)
            #expect(
                lines.contains {
                    $0.hasPrefix("ecl-37-0007,")
                        && $0.hasSuffix("code_postal : « 3700 » n'est pas un code postal (5 chiffres)")
                })
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

    @Test(
        "Every decision is told: the new editor, the proposer and the place when a new place is published, the place when its change is refused (with what it changed)"
    )
    func decisionsTold() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            _ = try await DirectoryWebTests.importSample(app, admin)
            let editor = try await Self.editor(app, admin: admin)
            let welcome = try #require(try await app.mails().first { $0.to == "nadia@example.org" })
            #expect(welcome.subject.plain == "Vous êtes maintenant éditeur·rice du réseau")
            #expect(welcome.body.plain.contains("importer un fichier de lieux et relire les propositions"))
            #expect(welcome.body.plain.contains("/annuaire"))
            // A new place: published, and its flash does not call it a modification.
            _ = try await app.browser().submit("/annuaire/proposer", pairs: ContributionWebTests.proposal)
            let queue = try await editor.get("/annuaire/moderation").text
            let change = String(try #require(queue.firstMatch(of: /\/annuaire\/moderation\/([a-z0-9]+)/)).1)
            let accepted = try await editor.submit("/annuaire/moderation/\(change)", ["decision": "accepter"])
            let after = try await editor.get(try #require(accepted.location)).text
            #expect(after.contains("Le nouveau lieu est publié dans l&#39;annuaire."))
            #expect(!after.contains("La modification est publiée"))
            let told = try await app.mails().filter {
                $0.subject.plain == "Annuaire : « Repair café du Sanitas » est publié"
            }
            #expect(Set(told.map(\.to)) == ["marc@example.org", "repair@example.org"])
            #expect(told.first?.body.plain.contains("/annuaire/lieux/") == true)
            // A change by the place's link, refused: the place is told what the change was about.
            let halles = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }
                .first)
            _ = try await app.browser().submit("/annuaire/lieux/\(halles.id)/lien", [:])
            let mail = try #require(try await app.mails().first { $0.to == "accueil@espace-halles.example.org" })
            let path = try #require(mail.link("/annuaire/modifier/"))
            var fields = PlaceFormBody(place: halles.place)
            fields.hours = "Mo-Fr 09:00-12:00"
            let pairs =
                fields.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                + fields.lists.flatMap { name, values in values.map { (name, $0) } }
            #expect(try await app.browser().submit(path, pairs: pairs).status == .seeOther)
            let edit = String(
                try #require(
                    try await editor.get("/annuaire/moderation").text.firstMatch(
                        of: /\/annuaire\/moderation\/([a-z0-9]+)/)
                ).1)
            let refused = try await editor.submit("/annuaire/moderation/\(edit)", ["decision": "refuser"])
            #expect(try await editor.get(try #require(refused.location)).text.contains("La modification est refusée."))
            let notice = try #require(
                try await app.mails().first {
                    $0.subject.plain
                        == "Annuaire : la modification de « Espace numérique des Halles » n'a pas été publiée"
                })
            #expect(notice.to == "accueil@espace-halles.example.org")
            #expect(notice.body.plain.contains("- Horaires"))
            #expect(notice.body.plain.contains("devient « Mo-Fr 09:00-12:00 »"))
            // A new place refused: the proposer and the place are told it was not published.
            let other = ContributionWebTests.proposal.map { name, value in
                switch name {
                case "nom": (name, "Atelier vélo du Sanitas")
                case "courriels": (name, "velo@example.org")
                case "pivot": (name, "W372008888")
                case "adresse": (name, "40 rue Courteline")
                case "telephone": (name, "02 47 00 33 44")
                default: (name, value)
                }
            }
            let proposer = app.browser(from: "192.0.2.77")
            let sent = try await proposer.submit("/annuaire/proposer", pairs: other)
            #expect(sent.status == .seeOther, "\(sent.status)")
            let proposed = String(
                try #require(
                    try await editor.get("/annuaire/moderation").text.firstMatch(
                        of: /\/annuaire\/moderation\/([a-z0-9]+)/)
                ).1)
            let turnedDown = try await editor.submit("/annuaire/moderation/\(proposed)", ["decision": "refuser"])
            #expect(turnedDown.status == .seeOther)
            let refusals = try await app.mails().filter {
                $0.subject.plain == "Annuaire : la fiche « Atelier vélo du Sanitas » n'a pas été publiée"
            }
            #expect(Set(refusals.map(\.to)) == ["marc@example.org", "velo@example.org"])
        }
    }

    @Test(
        "Filters in force are shown outside the folded panel, each removable; \"open now\" with nothing open says what opens next; types in words; stale listings in their own colour"
    )
    func searchInPeoplesWords() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            _ = try await DirectoryWebTests.importSample(app, admin)
            let visitor = app.browser()
            let page = try await visitor.get("/annuaire?pres=37+000&frais=Payant").text
            let filters = try #require(page.firstMatch(of: /<ul class="active-filters"[^>]*>(.*?)<\/ul>/)).1
            #expect(filters.contains(#"<a class="tag" href="/annuaire?frais=Payant">Près de 37 000 (30 km)"#))
            #expect(filters.contains(#"<a class="tag" href="/annuaire?pres=37%20000">Frais : Payant"#))
            #expect(page.range(of: "active-filters")!.lowerBound > page.range(of: "</details>")!.lowerBound)
            #expect(page.contains(#"<span class="tag tag-stale">fiche ancienne : à vérifier</span>"#))
            // Tuesday 21:30: nothing open; the soonest to open are named, nearest in time first.
            app.advance(11 * 3600 + 1800)
            let closed = try await visitor.get("/annuaire?ouvert=1").text
            #expect(closed.contains("Lieux <span class=\"muted\">(0)"))
            #expect(closed.contains("Les prochains à ouvrir :"))
            let first = try #require(
                closed.firstMatch(
                    of: /<li><a href="[^"]+">([^<]+)<\/a> <span class="muted">[^<]+<\/span> : ([^<]+)<\/li>/))
            #expect(first.1 == "France Services du Chinonais")
            #expect(
                String(first.2).unicodeScalars.map { $0.properties.isWhitespace ? " " : String($0) }.joined()
                    == "ouvre demain à 8 h 30")
            let halles = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }
                .first?.id)
            let place = try await visitor.get("/annuaire/lieux/\(halles)").text
            #expect(place.contains("Centre social, Espace Public Numérique"))
            #expect(!place.contains("CS, EPN"))
            #expect(place.contains(#"<p class="caution">Cette fiche n&#39;a pas été mise à jour"#))
        }
    }

    @Test("\"Trouver de l'aide\" leads to the directory while no support body is listed")
    func helpWithoutBodies() async throws {
        try await withApp { app in
            let help = try await app.browser().get("/structures")
            #expect(help.status == .seeOther && help.location == "/annuaire")
            let someone = try await app.signedUpBrowser(name: "Léa", email: "lea@example.org")
            let page = try await someone.get("/structures").text
            #expect(
                page.contains(
                    #"<a href="/annuaire">Trouver un lieu d&#39;accompagnement au numérique dans l&#39;annuaire</a>"#))
        }
    }

    @Test("The opening hours' grid writes OpenStreetMap's syntax: same days grouped, times read as people type them")
    func hoursGrid() {
        let empty: [(from: String, to: String)] = [("", ""), ("", "")]
        let weekday: [(from: String, to: String)] = [("09:00", "12:00"), ("14:00", "17:00")]
        #expect(
            OpeningHoursGrid.osm([weekday, weekday, weekday, weekday, weekday, [("10:00", "12:00"), ("", "")], empty])
                == "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00")
        #expect(
            OpeningHoursGrid.osm([
                [("9h", "12h30"), ("", "")], empty, [("9", "12"), ("", "")], empty, empty, empty, empty,
            ])
                == "Mo 09:00-12:30; We 09:00-12:00")
        #expect(
            OpeningHoursGrid.osm(
                [[("9:00", "12:00"), ("", "")], [("9:00", "12:00"), ("", "")]] + Array(repeating: empty, count: 5))
                == "Mo,Tu 09:00-12:00")
        #expect(OpeningHoursGrid.osm(Array(repeating: empty, count: 7)) == nil)
    }

    /// The proposal of journey 2, as a volunteer fills it: SIRET unknown, hours from the grid.
    static let volunteerProposal: [(String, String)] = [
        ("nom", "Repair café du Sanitas"), ("pivot", ""), ("pivot_inconnu", "1"), ("adresse", "3 place Saint-Paul"),
        ("code_postal", "37000"), ("commune", "Tours"), ("telephone", "02 47 00 11 22"),
        ("courriels", "repair@example.org"), ("horaires", ""),
        ("horaires_sa_1_de", "14:00"), ("horaires_sa_1_a", "17:00"),
        ("presentation_resume", "Réparer ensemble ordinateurs et téléphones."),
        ("services", "Acquisition de matériel informatique à prix solidaire"), ("frais_a_charge", "Gratuit"),
        ("modalites_acces", "Se présenter"), ("contact", "marc@example.org"),
    ]

    @Test(
        "The proposal form: required fields marked and named in the error summary, what was typed kept; SIRET with spaces, or not known; hours from the grid; the editor told the position is the commune's centre"
    )
    func proposalForm() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            _ = try await DirectoryWebTests.importSample(app, admin)
            let visitor = app.browser()
            let form = try await visitor.get("/annuaire/proposer").text
            #expect(form.contains(#"<span class="required">(obligatoire)</span></label>"#))
            #expect(form.contains("annuaire-entreprises.data.gouv.fr"))
            #expect(form.contains(#"<input type="time" id="horaires_mo_1_de" name="horaires_mo_1_de""#))
            // The name forgotten, the SIRET written in groups.
            let missing =
                Self.volunteerProposal.filter { !["nom", "pivot", "pivot_inconnu"].contains($0.0) }
                + [("pivot", "823 184 841 00091")]
            let refused = try await visitor.submit("/annuaire/proposer", pairs: missing)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(##"<li><a href="#nom">Nom du lieu : ce champ doit être rempli</a></li>"##))
            #expect(refused.text.contains(#"value="14:00""#) && refused.text.contains(#"value="82318484100091""#))
            #expect(!refused.text.contains(##"href="#pivot""##))
            let sent = try await visitor.submit("/annuaire/proposer", pairs: Self.volunteerProposal)
            #expect(sent.status == .seeOther && sent.location == "/annuaire")
            let change = try #require(
                try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }.first)
            let place = try #require(Contributions.decode(change.afterJson))
            #expect(place.pivot == "00000000000000")
            #expect(place.openingHours == "Sa 14:00-17:00")
            let queue = try await admin.get("/annuaire/moderation").text
            #expect(queue.contains("Position approximative : le lieu est placé au centre de Tours (37000)"))
        }
    }

    @Test(
        "Journey 2: a volunteer on a phone finds a place open near \"37 000\", proposes a missing one (≤ 3 pages, no refused submit); an editor publishes; the place's manager corrects it by the mailed link; an editor publishes; both are told"
    )
    func journeyTwo() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            _ = try await DirectoryWebTests.importSample(app, admin)
            let editor = try await Self.editor(app, admin: admin)
            let phone = app.browser()
            // Tuesday 10:00: open near "37 000", typed with its space.
            let open = try await phone.get("/annuaire?pres=37+000&rayon=10&ouvert=1").text
            #expect(open.contains("Espace numérique des Halles"))
            #expect(open.contains("Ouvert jusqu&#39;à 12"))
            // The proposal: the form, one submit, the page it lands on.
            var pages = 0
            var refused = 0
            _ = try await phone.get("/annuaire/proposer")
            pages += 1
            let sent = try await phone.submit("/annuaire/proposer", pairs: Self.volunteerProposal)
            if sent.status != .seeOther { refused += 1 }
            let landed = try await phone.get(try #require(sent.location)).text
            pages += 1
            #expect(landed.contains("Merci ! Votre proposition attend la relecture"))
            #expect(pages <= 3 && refused == 0)
            // An editor publishes it; the volunteer and the place are told.
            let queue = try await editor.get("/annuaire").text
            #expect(queue.contains("Relecture des propositions</a> : 1 en attente"))
            let proposal = String(
                try #require(
                    try await editor.get("/annuaire/moderation").text.firstMatch(
                        of: /\/annuaire\/moderation\/([a-z0-9]+)/)
                ).1)
            _ = try await editor.submit("/annuaire/moderation/\(proposal)", ["decision": "accepter"])
            let published = try await app.mails().filter {
                $0.subject.plain == "Annuaire : « Repair café du Sanitas » est publié"
            }
            #expect(Set(published.map(\.to)) == ["marc@example.org", "repair@example.org"])
            // The place's manager asks for the edit link from the listing, and corrects the hours.
            let link = try #require(published.first?.link("/annuaire/lieux/"))
            let manager = app.browser()
            #expect(try await manager.get(link).text.contains("Repair café du Sanitas"))
            _ = try await manager.submit(link + "/lien", [:])
            let mail = try #require(
                try await app.mails().first { $0.to == "repair@example.org" && $0.body.contains("/annuaire/modifier/") }
            )
            let edit = try #require(mail.link("/annuaire/modifier/"))
            let row = try #require(
                try await app.services.database.read { try await DirectoryQueries.published(in: $0) }.first {
                    $0.name == "Repair café du Sanitas"
                })
            var fields = PlaceFormBody(place: row.place)
            fields.hours = "Sa 10:00-17:00"
            let pairs =
                fields.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                + fields.lists.flatMap { name, values in values.map { (name, $0) } }
            #expect(try await manager.get(edit).status == .ok)
            let corrected = try await manager.submit(edit, pairs: pairs)
            #expect(corrected.status == .seeOther)
            let change = String(
                try #require(
                    try await editor.get("/annuaire/moderation").text.firstMatch(
                        of: /\/annuaire\/moderation\/([a-z0-9]+)/)
                ).1)
            _ = try await editor.submit("/annuaire/moderation/\(change)", ["decision": "accepter"])
            let updated = try #require(
                try await app.mails().first {
                    $0.subject.plain == "Annuaire : la fiche « Repair café du Sanitas » est mise à jour"
                })
            #expect(updated.to == "repair@example.org")
            #expect(updated.body.plain.contains("« Sa 14:00-17:00 » devient « Sa 10:00-17:00 »"))
            #expect(try await phone.get(link).text.contains("10 h"))
        }
    }

    @Test(
        "Journey 1, the directory's half: an editor imports from the directory's page, reads the preview, applies, checks the list, a place, the map and the exports (pages counted)"
    )
    func journeyOneDirectory() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            let editor = try await Self.editor(app, admin: admin)
            var pages = 0
            func open(_ path: String) async throws -> String {
                pages += 1
                let page = try await editor.get(path)
                #expect(page.status == .ok, "\(path)")
                return page.text
            }
            let directory = try await open("/annuaire")
            let importLink = try #require(directory.firstMatch(of: /<a href="([^"]+)">Importer un fichier<\/a>/)).1
            _ = try await open(String(importLink))
            let staged = try await editor.upload(
                String(importLink), field: "fichier", fileName: "lieux.csv", contents: DirectoryWebTests.sample)
            try await DirectoryWebTests.check(app)
            let preview = try await open(try #require(staged.location))
            #expect(preview.contains("Nouveaux lieux : <strong>10</strong>"))
            let applied = try await editor.submit(try #require(staged.location) + "/appliquer", [:])
            try await app.services.scheduler.runDue()
            let done = try await open(try #require(applied.location))
            #expect(done.contains("Lignes appliquées</dt><dd>10</dd>"))
            let list = try await open("/annuaire")
            let place = try #require(list.firstMatch(of: /<a href="(\/annuaire\/lieux\/[a-z0-9]+)">/)).1
            _ = try await open(String(place))
            let map = try await open("/annuaire/carte")
            #expect(map.contains("<svg"))
            for export in ["/annuaire/lieux.csv", "/annuaire/lieux.json", "/annuaire/lieux.geojson"] {
                #expect(try await editor.get(export).status == .ok)
            }
            // The directory, the import form, the preview, the applied import, the list, a place, the map.
            #expect(pages == 7)
        }
    }

    @Test(
        "The server's map: each disc a link (a place's page, or the map around a group, numbered), the search from the map keeps radius and filters; the page stays under 60 kB"
    )
    func mapLinks() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            _ = try await DirectoryWebTests.importSample(app, admin)
            let visitor = app.browser()
            let map = try await visitor.get("/annuaire/carte?pres=37+000&rayon=50&frais=Gratuit")
            #expect(map.raw.utf8.count < 60_000)
            #expect(map.raw.contains(#"<path class="map-dep""#), "the départements drawn under the places")
            let page = map.text
            #expect(page.contains(#"<option value="50" selected>50 km</option>"#))
            #expect(page.contains(#"<input type="hidden" name="frais" value="Gratuit">"#))
            #expect(page.contains(#"<a class="tag" href="/annuaire/carte?pres=37%20000&amp;rayon=50">Frais : Gratuit"#))
            let discs = page.matches(of: /<a href="([^"]+)" aria-label="([^"]+)">/).map { (String($0.1), String($0.2)) }
            #expect(!discs.isEmpty)
            #expect(discs.allSatisfy { $0.0.hasPrefix("/annuaire/lieux/") || $0.0.hasPrefix("/annuaire/carte?") })
            // Places close together are one disc, numbered, linking to the map around them.
            let crowd =
                (0..<200).map { n in
                    DirectoryMap.Point(
                        point: GeoPoint(
                            latitude: 47.39 + Double(n % 20) * 0.001, longitude: 0.68 + Double(n / 20) * 0.001),
                        label: "Lieu \(n)", link: "/annuaire/lieux/\(n)")
                } + [
                    DirectoryMap.Point(
                        point: GeoPoint(latitude: 43.6, longitude: 1.44), label: "Toulouse", link: "/annuaire/lieux/t")
                ]
            let svg = DirectoryMap.svg(crowd, title: "Carte") { centre, reach in
                "/annuaire/carte?pres=\(centre.latitude)&rayon=\(Int(reach) + 1)"
            }
            #expect(svg.contains(#"<a href="/annuaire/carte?pres=47.39"#))
            #expect(svg.contains(#"aria-label="200 lieux : Lieu"#) && svg.contains(#"class="map-count">200</text>"#))
            #expect(svg.contains(#"<a href="/annuaire/lieux/t" aria-label="Toulouse">"#))
            let total = try await visitor.get("/annuaire/carte").raw.utf8.count
            print("MAP-PAGE-BYTES sample=\(total)")
        }
    }

    @Test("The map page of 2,000 places across France stays under 60 kB (discs gathered, the list paged)")
    func mapSizeAtScale() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            let records = try CSVReader(url: DirectoryWebTests.fixtures.appendingPathComponent("lieux-sample.csv"))
                .records()
            let header = try #require(try records.next()).fields
            let model = try #require(try records.next()).fields
            let column = { (name: String) in header.firstIndex(of: name)! }
            var text = CSVWriter.line(header)
            for n in 0..<2000 {
                var fields = model
                fields[column("id")] = "ecl-masse-\(n)"
                fields[column("nom")] = "Lieu de médiation numérique numéro \(n)"
                fields[column("pivot")] = "00000000000000"
                fields[column("latitude")] = String(format: "%.4f", 43.5 + Double(n % 50) * 0.13)
                fields[column("longitude")] = String(format: "%.4f", -1.0 + Double(n / 50) * 0.19)
                text += CSVWriter.line(fields)
            }
            _ = try await DirectoryWebTests.importSample(app, admin, contents: Array(text.utf8))
            let map = try await app.browser().get("/annuaire/carte")
            #expect(map.text.contains("Carte de 2000 lieux"))
            print("MAP-PAGE-BYTES places=2000 bytes=\(map.raw.utf8.count)")
            #expect(map.raw.utf8.count < 60_000)
            #expect(map.raw.contains(#"<path class="map-dep""#), "the départements drawn under the places")
        }
    }
}
