import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Contributions to the directory: a proposal stays invisible until an editor accepts it, likely
/// duplicates are shown before saving, a place edits its listing through a mailed link, every change
/// is kept and can be reverted.
@Suite("Directory contributions: proposals, edits by link, moderation, history")
struct ContributionWebTests {
    static func setUp(_ app: TestApp) async throws -> (editor: Browser, halles: String) {
        _ = try await DirectoryCommands.importFile(
            at: DirectoryWebTests.fixtures.appendingPathComponent("lieux-sample.csv").path, apply: true,
            services: app.services
        ) { _ in }
        _ = try await Admins.create(
            email: "admin@example.org", name: "Admin", password: "phrase de passe administrateur",
            services: app.services)
        let editor = app.browser()
        _ = try await editor.submit(
            "/connexion", ["email": "admin@example.org", "password": "phrase de passe administrateur"])
        let halles = try #require(
            try await app.services.database.read { try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0) }
                .first?.id)
        return (editor, halles)
    }

    static let proposal: [(String, String)] = [
        ("nom", "Repair café du Sanitas"), ("pivot", "W372009999"), ("adresse", "3 place Saint-Paul"),
        ("code_postal", "37000"), ("commune", "Tours"),
        ("telephone", "02 47 00 11 22"), ("courriels", "repair@example.org"), ("horaires", "Sa 14:00-17:00"),
        ("presentation_resume", "Réparer ensemble ordinateurs et téléphones."),
        ("services", "Acquisition de matériel informatique à prix solidaire"),
        ("services", "Loisirs et créations numériques"), ("frais_a_charge", "Gratuit"),
        ("modalites_acces", "Se présenter"), ("contact", "marc@example.org"),
    ]

    @Test("A proposal is invisible until an editor publishes it; editors are told by the quarter-hourly digest")
    func proposal() async throws {
        try await withApp { app in
            let (editor, _) = try await Self.setUp(app)
            let sent = try await app.browser().submit("/annuaire/proposer", pairs: Self.proposal)
            #expect(sent.status == .seeOther && sent.location == "/annuaire")
            #expect(!(try await app.browser().get("/annuaire?q=sanitas").text.contains("Repair café du Sanitas")))
            try await app.services.scheduler.runDue()
            let mail = try #require(try await app.mails().first { $0.to == "admin@example.org" })
            #expect(mail.subject.plain == "Annuaire : contributions à relire (1)")
            #expect(mail.body.plain.contains("« Repair café du Sanitas »"))
            let queue = try await editor.get("/annuaire/moderation").text
            #expect(queue.contains("Repair café du Sanitas"))
            #expect(
                queue.contains("<td>Téléphone</td><td></td><td>+33247001122</td>") || queue.contains("+33247001122"))
            let change = String(try #require(queue.firstMatch(of: /\/annuaire\/moderation\/([a-z0-9]+)/)).1)
            #expect(
                try await editor.submit("/annuaire/moderation/\(change)", ["decision": "accepter"]).status == .seeOther)
            let list = try await app.browser().get("/annuaire?q=sanitas").text
            #expect(list.contains("Repair café du Sanitas"))
            // Position from the communes file; services as listed.
            let place = try #require(
                try await app.services.database.read { try await DirectoryQueries.published(in: $0) }.first {
                    $0.name == "Repair café du Sanitas"
                })
            #expect(place.insee == "37261" && place.latitude != nil)
            #expect(
                try await app.services.database.read { try await DirectoryQueries.services(of: place.id, in: $0) }.map(
                    \.kind) == ["materiel", "accompagnement"])
        }
    }

    @Test("Likely duplicates are shown before saving; bad values are refused with the schema's reasons")
    func duplicatesAndBadInput() async throws {
        try await withApp { app in
            _ = try await Self.setUp(app)
            let visitor = app.browser()
            var twin = Self.proposal.filter { $0.0 != "nom" && $0.0 != "adresse" }
            twin += [("nom", "Espace numerique des Halles"), ("adresse", "14 rue des Halles")]
            let warned = try await visitor.submit("/annuaire/proposer", pairs: twin)
            #expect(warned.status == .conflict)
            #expect(warned.text.contains("Ce lieu est peut-être déjà dans l&#39;annuaire"))
            #expect(warned.text.contains("Espace numérique des Halles, 14 RUE DES HALLES"))
            #expect(try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }.isEmpty)
            let confirmed = try await visitor.submit("/annuaire/proposer", pairs: twin + [("confirmer_nouveau", "1")])
            #expect(confirmed.status == .seeOther)
            var bad = Self.proposal.filter { !["pivot", "code_postal", "horaires"].contains($0.0) }
            bad += [("pivot", "12345678901234"), ("code_postal", "3700"), ("horaires", "le samedi")]
            let refused = try await visitor.submit("/annuaire/proposer", pairs: bad)
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.text.contains("« 12345678901234 » n&#39;est pas un SIRET valide (14 chiffres, clé de contrôle)")
            )
            #expect(refused.text.contains("« 3700 » n&#39;est pas un code postal (5 chiffres)"))
            #expect(refused.text.contains(#"value="le samedi""#))
        }
    }

    @Test(
        "A place edits its listing by the link sent to its address; the edit waits; every change is kept and can be reverted"
    )
    func editByLinkAndRevert() async throws {
        try await withApp { app in
            let (editor, halles) = try await Self.setUp(app)
            #expect(try await app.browser().submit("/annuaire/lieux/\(halles)/lien", [:]).status == .seeOther)
            let mail = try #require(try await app.mails().first { $0.to == "accueil@espace-halles.example.org" })
            let path = try #require(mail.link("/annuaire/modifier/"))
            let form = try await app.browser().get(path)
            #expect(form.status == .ok && form.text.contains(#"value="Espace numérique des Halles""#))
            var fields = PlaceFormBody(
                place: try #require(
                    try await app.services.database.read { try await DirectoryQueries.find(id: halles, in: $0) }
                ).place)
            fields.hours = "Mo-Fr 09:00-12:00"
            let pairs =
                fields.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                + fields.lists.flatMap { name, values in values.map { (name, $0) } }
            #expect(try await app.browser().submit(path, pairs: pairs).status == .seeOther)
            // Still the old hours until an editor accepts.
            #expect(try await app.browser().get("/annuaire/lieux/\(halles)").text.contains("9 h – 12 h et 14 h – 17 h"))
            let queue = try await editor.get("/annuaire/moderation").text
            let change = String(try #require(queue.firstMatch(of: /\/annuaire\/moderation\/([a-z0-9]+)/)).1)
            _ = try await editor.submit("/annuaire/moderation/\(change)", ["decision": "accepter"])
            #expect(!(try await app.browser().get("/annuaire/lieux/\(halles)").text.contains("14 h – 17 h")))
            let history = try await editor.get("/annuaire/lieux/\(halles)/historique").text
            #expect(history.contains("Modification par le lieu (accueil@espace-halles.example.org)"))
            let revert = String(try #require(history.firstMatch(of: /\/annuaire\/historique\/([a-z0-9]+)\/retablir/)).1)
            #expect(try await editor.submit("/annuaire/historique/\(revert)/retablir", [:]).status == .seeOther)
            #expect(try await app.browser().get("/annuaire/lieux/\(halles)").text.contains("9 h – 12 h et 14 h – 17 h"))
            let changes = try await app.services.database.read {
                try await DirectoryQueries.changes(of: halles, in: $0)
            }
            #expect(
                changes.map { $0.origin.split(separator: ":").first.map(String.init) ?? "" }.sorted() == [
                    "import", "lien", "retour",
                ])
            // A used or unknown link opens nothing it should not; a link expires after seven days.
            #expect(try await app.browser().get("/annuaire/modifier/pasunvraijetonpasunvraijeton").status == .notFound)
            app.advance(8 * 86_400)
            #expect(try await app.browser().get(path).status == .notFound)
        }
    }

    @Test("Only editors review, see a listing's history and revert")
    func access() async throws {
        try await withApp { app in
            let (_, halles) = try await Self.setUp(app)
            _ = try await app.browser().submit("/annuaire/proposer", pairs: Self.proposal)
            let change = try #require(
                try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }.first?.id)
            let someone = try await app.signedUpBrowser(name: "Léa", email: "lea@example.org")
            for browser in [app.browser(), someone] {
                #expect(try await browser.get("/annuaire/moderation").status == .forbidden)
                #expect(
                    try await browser.submit("/annuaire/moderation/\(change)", ["decision": "accepter"]).status
                        == .forbidden)
                #expect(try await browser.get("/annuaire/lieux/\(halles)/historique").status == .forbidden)
                #expect(try await browser.submit("/annuaire/historique/\(change)/retablir", [:]).status == .forbidden)
            }
            #expect(
                try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }.count == 1)
        }
    }

    @Test("A listing about to go stale gets one reminder; confirming it unchanged renews it at once")
    func freshness() async throws {
        try await withApp { app in
            let (_, halles) = try await Self.setUp(app)
            let run = {
                try await FreshnessReminders.run(
                    now: app.now(), database: app.services.database, translations: app.services.views.translations,
                    tokens: app.services.tokens, baseURL: app.services.configuration.baseURL)
            }
            try await run()
            let reminders = try await app.mails().filter { $0.subject.plain.hasPrefix("Votre fiche « ") }
            // Every valid listing of the sample is older than five months; the two without an address get none.
            #expect(reminders.count == 8)
            try await run()
            #expect(try await app.mails().filter { $0.subject.plain.hasPrefix("Votre fiche « ") }.count == 8)
            let mail = try #require(reminders.first { $0.to == "accueil@espace-halles.example.org" })
            let path = try #require(mail.link("/annuaire/modifier/"))
            #expect(try await app.browser().get("/annuaire/lieux/\(halles)").text.contains("à vérifier"))
            let fields = PlaceFormBody(
                place: try #require(
                    try await app.services.database.read { try await DirectoryQueries.find(id: halles, in: $0) }
                ).place)
            let pairs =
                fields.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                + fields.lists.flatMap { name, values in values.map { (name, $0) } }
            let owner = app.browser()
            let confirmed = try await owner.submit(path, pairs: pairs)
            #expect(confirmed.status == .seeOther)
            let page = try await owner.get(try #require(confirmed.location)).text
            #expect(page.contains("Merci ! La fiche est confirmée telle quelle."))
            #expect(!page.contains("pas été mise à jour depuis plus de six mois"))
            #expect(try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }.isEmpty)
        }
    }

    @Test(
        "A support body names its listing in the directory; the public list of bodies links to it; only its advisors can"
    )
    func supportBodyListing() async throws {
        try await withApp { app in
            let (_, halles) = try await Self.setUp(app)
            let advisor = try await app.signedUpBrowser(name: "Inès", email: "ines@example.org")
            let created = try await advisor.submit(
                "/structures/nouvelle", ["name": "Point d'appui Tours", "departement": "37", "description": ""])
            let body = try #require(created.location)
            let unknown = try await advisor.submit(
                body + "/fiche", ["place": "https://exemple.org/annuaire/lieux/inconnu"])
            #expect(
                unknown.status == .unprocessableContent
                    && unknown.text.contains("Aucune fiche publiée de l&#39;annuaire ne correspond."))
            let outsider = try await app.signedUpBrowser(name: "Léa", email: "lea@example.org")
            #expect(try await outsider.submit(body + "/fiche", ["place": halles]).status == .notFound)
            #expect(
                try await advisor.submit(body + "/fiche", ["place": "http://127.0.0.1/annuaire/lieux/\(halles)"]).status
                    == .seeOther)
            #expect(
                try await advisor.get(body).text.contains(
                    "<a href=\"/annuaire/lieux/\(halles)\">Espace numérique des Halles</a>"))
            // The public list shows vetted bodies only.
            try await app.services.database.write {
                try await SupportBodyQueries.setVetting(
                    id: String(body.dropFirst("/structures/".count)), to: .vetted, note: "", now: app.now(), in: $0)
            }
            #expect(
                try await app.browser().get("/structures").text.contains(
                    "<a href=\"/annuaire/lieux/\(halles)\">fiche dans l&#39;annuaire</a>"))
        }
    }

    @Test(
        "A duplicate is merged into the listing kept: hidden, trainings moved, both histories say so; restoring undoes it"
    )
    func merge() async throws {
        try await withApp { app in
            let (editor, halles) = try await Self.setUp(app)
            var twin = Self.proposal.filter { $0.0 != "nom" && $0.0 != "adresse" }
            twin += [
                ("nom", "Espace numerique Les Halles"), ("adresse", "14 rue des Halles"), ("confirmer_nouveau", "1"),
            ]
            _ = try await app.browser().submit("/annuaire/proposer", pairs: twin)
            let change = try #require(
                try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }.first)
            _ = try await editor.submit("/annuaire/moderation/\(change.id)", ["decision": "accepter"])
            let duplicate = change.placeId
            #expect(try await app.browser().get("/annuaire/lieux/\(duplicate)").status == .ok)
            #expect(
                try await editor.submit("/annuaire/lieux/\(duplicate)/fusionner", ["into": duplicate]).location
                    == "/annuaire/lieux/\(duplicate)/historique")
            let merged = try await editor.submit(
                "/annuaire/lieux/\(duplicate)/fusionner", ["into": "/annuaire/lieux/\(halles)"])
            #expect(merged.location == "/annuaire/lieux/\(halles)/historique")
            #expect(try await app.browser().get("/annuaire/lieux/\(duplicate)").status == .notFound)
            #expect(
                try await editor.get("/annuaire/lieux/\(halles)/historique").text.contains(
                    "Fusion avec (Espace numerique Les Halles)"))
            let history = try await editor.get("/annuaire/lieux/\(duplicate)/historique").text
            let revert = String(try #require(history.firstMatch(of: /\/annuaire\/historique\/([a-z0-9]+)\/retablir/)).1)
            _ = try await editor.submit("/annuaire/historique/\(revert)/retablir", [:])
            #expect(try await app.browser().get("/annuaire/lieux/\(duplicate)").status == .ok)
        }
    }
}
