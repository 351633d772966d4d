import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The inventory, handover, register and breach log, through the site as their users meet them.
@Suite("Inventory, handover, GDPR register and breach log")
struct InventoryWebTests {
    struct Club: Sendable {
        let alice: Browser
        let bob: Browser
        let association: String
        let bobID: String
        var base: String { "/associations/\(association)" }
    }

    /// Alice owns the association; Bob, the treasurer, is a member.
    static func club(_ app: TestApp) async throws -> Club {
        let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
        let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
        let invited = try await alice.submit("/associations/\(association)/invitations", [:])
        let invitation = String(try #require(invited.text.firstMatch(of: /\/invitation\/[a-z0-9]+/)).0)
        let bob = try await app.signedUpBrowser(name: "Bob", email: "bob@example.org")
        _ = try await bob.submit(invitation, [:])
        let bobID = try #require(
            try await app.services.database.read { try await UserQueries.find(email: "bob@example.org", in: $0) }?.id)
        return Club(alice: alice, bob: bob, association: association, bobID: bobID)
    }

    @Test(
        "A domain in the treasurer's own name with one holder: both alerts show, and the lapse mail goes out once at 60, 30 and 7 days"
    )
    func domainAlertsAndReminders() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let today = DateFormatting.parisDay(app.now())
            let created = try await club.alice.submit(
                pairs: [
                    ("kind", "domain"), ("name", "chorale.fr"), ("provider", "Gandi"), ("owner", "person"),
                    ("owner_name", "Bob (trésorier)"),
                    ("holders", club.bobID), ("credentials_place", "coffre KeePassXC du bureau"),
                    ("expires_on", Day(number: today.number + 61).iso),
                    ("checked_on", today.iso),
                ], to: club.base + "/inventaire/nouveau")
            #expect(created.status == .seeOther && created.location == club.base + "/inventaire")
            let page = try await club.alice.get(club.base + "/inventaire")
            #expect(page.text.contains("chorale.fr : une seule personne peut y entrer."))
            #expect(page.text.contains("chorale.fr : c&#39;est au nom d&#39;une personne, pas de l&#39;association."))
            #expect(page.text.contains("Peuvent y entrer : Bob"))
            #expect(try await club.bob.get(club.base).text.contains("2 points à regarder dans l&#39;inventaire"))
            #expect(!page.text.contains("arrive à échéance"))  // 61 days: not yet
            func remindersAfter(days: Int64) async throws -> [MailMessage] {
                app.advance(days * 86_400)
                _ = try await app.services.scheduler.runDue()
                return try await app.mails().filter { $0.subject.plain.contains("chorale.fr arrive à échéance") }
            }
            #expect(try await remindersAfter(days: 0).isEmpty)
            let first = try await remindersAfter(days: 1)
            #expect(first.map(\.to) == ["bob@example.org"])
            #expect(first.first?.subject.plain == "Éclairage : chorale.fr arrive à échéance dans 60 jours")
            #expect(first.first?.body.contains("/associations/\(club.association)/inventaire") == true)
            #expect(try await remindersAfter(days: 1).count == 1)  // once: no new one the next day
            // editing the asset (same lapse date) does not send the reminder again
            let asset = try #require(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .first?.row.id)
            _ = try await club.bob.get("/connexion")  // days later, a new session
            _ = try await club.bob.submit(
                "/connexion", ["email": "bob@example.org", "password": "lampe tulipe orage cheval"])
            let edited = try await club.bob.submit(
                pairs: [
                    ("kind", "domain"), ("name", "chorale.fr"), ("provider", "Gandi, offre associative"),
                    ("owner", "person"), ("owner_name", "Bob (trésorier)"),
                    ("holders", club.bobID), ("expires_on", Day(number: today.number + 61).iso),
                    ("checked_on", today.iso),
                ], to: club.base + "/inventaire/\(asset)")
            #expect(edited.status == .seeOther)
            #expect(try await remindersAfter(days: 1).count == 1)
            #expect(try await remindersAfter(days: 28).count == 2)  // 30 days left
            #expect(try await remindersAfter(days: 10).count == 2)
            #expect(try await remindersAfter(days: 13).count == 3)  // 7 days left
            #expect(try await remindersAfter(days: 3).count == 3)
            // weeks later, the session has ended: Alice signs in again
            _ = try await club.alice.get("/connexion")
            _ = try await club.alice.submit(
                "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            let later = try await club.alice.get(club.base + "/inventaire")
            #expect(
                later.text.contains("chorale.fr : arrive à échéance dans 4 jours."),
                "\(later.text.firstMatch(of: /À regarder[^§]{0,900}/).map { String($0.0) } ?? "")")
        }
    }

    @Test(
        "A pasted password is refused in French, field by field, and nothing is saved; a past date is saved with a warning"
    )
    func secretsRefused() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let refused = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                [
                    "kind": "bank", "name": "Compte courant", "credentials_place": "mdp : Chorale2024!",
                    "second_factor": "Xk9#pL2qZ",
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Cela ressemble à un mot de passe."))
            #expect(
                refused.text.contains(##"<a href="#credentials_place">"##)
                    && refused.text.contains(##"<a href="#second_factor">"##))
            #expect(!refused.text.contains("Chorale2024!"))  // not even shown back
            #expect(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .isEmpty)
            let past = try await club.alice.submit(
                club.base + "/inventaire/nouveau", ["kind": "service", "name": "Canva", "expires_on": "2020-01-31"])
            #expect(past.status == .seeOther)
            #expect(
                try await club.alice.get(past.location ?? "").text.contains("la date d&#39;échéance est déjà passée"))
        }
    }

    @Test(
        "Editing keeps the holders ticked, a recovery through a lapsing domain is flagged, deleting unlinks what recovered through it"
    )
    func editAndRecovery() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let today = DateFormatting.parisDay(app.now())
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                [
                    "kind": "domain", "name": "chorale.fr", "other_holders": "Alice, Bob",
                    "expires_on": Day(number: today.number + 20).iso, "checked_on": today.iso,
                ])
            let domain = try #require(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .first?.row.id)
            _ = try await club.alice.submit(
                pairs: [
                    ("kind", "mailbox"), ("name", "contact@chorale.fr"), ("holders", club.bobID),
                    ("other_holders", "Zoé"),
                    ("recovery_asset", domain), ("checked_on", today.iso),
                ], to: club.base + "/inventaire/nouveau")
            let all = try await app.services.database.read {
                try await InventoryQueries.all(of: club.association, in: $0)
            }
            let mailbox = try #require(all.first { $0.row.kind == "mailbox" })
            #expect(mailbox.holders.map(\.name) == ["Bob", "Zoé"] && mailbox.holders.first?.userId == club.bobID)
            let page = try await club.alice.get(club.base + "/inventaire")
            #expect(
                page.text.contains(
                    "contact@chorale.fr : sa récupération passe par un nom de domaine bientôt échu (chorale.fr)."))
            let edit = try await club.alice.get(club.base + "/inventaire/\(mailbox.row.id)")
            #expect(edit.text.contains(#"name="holders" value="\#(club.bobID)" checked"#))
            #expect(edit.text.contains(#"value="Zoé""#))
            #expect(edit.text.contains(#"<option value="\#(domain)" selected>chorale.fr</option>"#))
            // a recovery pointing at itself or at another association's asset is refused
            #expect(
                try await club.alice.submit(
                    club.base + "/inventaire/\(mailbox.row.id)",
                    [
                        "kind": "mailbox", "name": "contact@chorale.fr",
                        "recovery_asset": mailbox.row.id,
                    ]
                ).status == .unprocessableContent)
            _ = try await club.alice.submit(club.base + "/inventaire/\(domain)/supprimer", [:])
            let left = try await app.services.database.read {
                try await InventoryQueries.all(of: club.association, in: $0)
            }
            #expect(left.count == 1 && left[0].row.recoveryAssetId == nil)
            #expect(try await club.alice.get(club.base + "/inventaire/\(domain)").status == .notFound)
        }
    }

    @Test(
        "A handover names who leaves and who takes over (refused without them, what was typed kept), lists the bank's steps, is ticked by two members, refused while incomplete, then completed and kept as a dated, printable record"
    )
    func handoverByTwo() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                ["kind": "mailbox", "name": "contact@chorale.fr", "other_holders": "Alice, Bob"])
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                ["kind": "bank", "name": "Compte courant", "provider": "Crédit Coopératif", "other_holders": "Paul"])
            // the names are asked: without who takes over, nothing starts and what was typed comes back
            let refused = try await club.alice.submit(club.base + "/passation", ["leaving": "Paul Martin, trésorier"])
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.text.contains(##"<a href="#incoming">Indiquez qui prend le relais, même provisoirement.</a>"##))
            #expect(refused.text.contains(#"value="Paul Martin, trésorier""#))
            #expect(refused.text.contains(#"tabindex="-1" autofocus"#), "focus goes to the error summary")
            #expect(
                try await app.services.database.read { try await HandoverQueries.all(of: club.association, in: $0) }
                    .isEmpty)
            let started = try await club.alice.submit(
                club.base + "/passation", ["leaving": "Paul Martin, trésorier", "incoming": "Inès Durand, trésorière"])
            #expect(started.status == .seeOther)
            let handover = try #require(
                try await app.services.database.read { try await HandoverQueries.all(of: club.association, in: $0) }
                    .first)
            let items = try await app.services.database.read {
                try await HandoverQueries.items(of: handover.id, in: $0)
            }
            #expect(
                items.map(\.action) == [
                    "minutes", "bank-signatories", "bank-cards", "credentials", "verify", "credentials", "holders",
                    "verify", "declare",
                ])
            let page = try await club.bob.get(club.base + "/passation")
            #expect(
                page.text.contains("Qui part : Paul Martin, trésorier · Qui prend le relais : Inès Durand, trésorière"))
            #expect(page.text.contains("contact@chorale.fr</strong> : changer le moyen d&#39;entrer"))
            #expect(
                page.text.contains(
                    "retirer l&#39;accès de : Paul Martin, trésorier ; le donner à : Inès Durand, trésorière"))
            #expect(
                page.text.contains(
                    "Compte courant</strong> : Aller à la banque avec ce procès-verbal, les statuts et une pièce d&#39;identité des nouvelles personnes (Inès Durand, trésorière) : faire enregistrer leur signature et retirer les pouvoirs de Paul Martin, trésorier."
                ))
            #expect(page.text.contains("dans les trois mois"))
            // ticking brings the person back to the item, not to the top of the list
            let ticked = try await club.alice.submit(club.base + "/passation/\(handover.id)/0", ["done": "1"])
            #expect(ticked.location?.hasSuffix("/passation#item-0") == true)
            #expect(page.text.contains(#"<li id="item-4">"#))
            let early = try await club.alice.submit(club.base + "/passation/\(handover.id)/terminer", [:])
            #expect(try await club.alice.get(early.location ?? "").text.contains("Il reste des points à cocher"))
            for position in 1..<items.count {
                _ = try await club.bob.submit(club.base + "/passation/\(handover.id)/\(position)", ["done": "1"])
            }
            #expect(
                try await club.bob.submit(club.base + "/passation/\(handover.id)/99", ["done": "1"]).status == .notFound
            )
            #expect(
                try await club.bob.submit(club.base + "/passation/\(handover.id)/terminer", [:]).status == .seeOther)
            let record = try await club.alice.get(club.base + "/passation/\(handover.id)/imprimer")
            #expect(record.text.contains("fait par Alice le") && record.text.contains("fait par Bob le"))
            #expect(record.text.contains("Terminée le") && record.text.contains("par Bob"))
            #expect(record.text.contains("Qui part : Paul Martin, trésorier"))
            #expect(try await club.alice.get(club.base + "/passation").text.contains("Passations terminées"))
            // a completed handover no longer changes
            #expect(
                try await club.alice.submit(club.base + "/passation/\(handover.id)/0", ["done": "0"]).status
                    == .notFound)
        }
    }

    @Test(
        "A breach recorded now shows about 72 hours left and both drafts; the log keeps it; a future moment is refused")
    func breachClock() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let now = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now())))
            let recorded = try await club.alice.submit(
                club.base + "/violations",
                [
                    "discovered": now, "nature": "Ordinateur portable du trésorier volé",
                    "people": "Adhérent·es, environ 120",
                    "records": "Noms, adresses, téléphones", "consequences": "Hameçonnage",
                    "measures": "Plainte déposée", "contact": "Alice, 06 12 34 56 78",
                    "risk": "high", "kind": "lost-device",
                ])
            #expect(
                recorded.status == .seeOther,
                "\(recorded.text.firstMatch(of: /error-summary[^§]{0,900}/).map { String($0.0) } ?? "")")
            let page = try await club.alice.get(recorded.location ?? "")
            #expect(
                page.text.contains("il reste environ 71 h pour notifier la CNIL")
                    || page.text.contains("il reste environ 72 h pour notifier la CNIL"))
            // a running clock is urgent (amber, "Urgent"), never the success colour; a late one is red
            #expect(page.text.contains(#"<p class="status-urgent" role="status"><strong>Urgent : il reste"#))
            #expect(page.text.contains("Brouillon de notification à la CNIL"))
            #expect(
                page.text.contains(
                    "a) Nature de la violation : Appareil perdu ou volé (ordinateur, téléphone, clé USB, disque). Ordinateur portable du trésorier volé"
                ))
            #expect(
                page.text.contains(
                    "d) Mesures prises ou envisagées pour remédier à la violation et en limiter les effets : Plainte déposée"
                ))
            #expect(page.text.contains("Brouillon de message aux personnes concernées"))
            // one discovered 80 hours ago: late by 8 hours
            let old = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now() - 80 * 3600 - 60)))
            let late = try await club.alice.submit(
                club.base + "/violations",
                ["discovered": old, "nature": "Boîte mail piratée", "risk": "risk", "kind": "account"])
            let latePage = try await club.alice.get(late.location ?? "")
            #expect(
                latePage.text.contains(
                    #"<p class="status-late" role="status"><strong>En retard : le délai de 72 heures est dépassé de 8 h"#
                ))
            #expect(
                latePage.text.contains("Brouillon de notification à la CNIL")
                    && !latePage.text.contains("Brouillon de message aux personnes"))
            // completed later: the form comes back filled in, the moment of discovery unchanged
            let editPath = (late.location ?? "") + "/modifier"
            let edit = try await club.bob.get(editPath)
            #expect(edit.text.contains(#"value="\#(old)""#) && edit.text.contains(">Boîte mail piratée</textarea>"))
            let completed = try await club.bob.submit(
                editPath,
                [
                    "discovered": old, "nature": "Boîte mail piratée", "risk": "risk", "kind": "account",
                    "measures": "Mot de passe changé, double authentification activée",
                ])
            #expect(completed.location == late.location)
            #expect(
                try await club.alice.get(late.location ?? "").text.contains(
                    "Mot de passe changé, double authentification activée"))
            #expect(
                try await club.bob.submit(
                    editPath, ["discovered": old, "nature": "", "risk": "risk", "kind": "account"]
                ).status
                    == .unprocessableContent)
            _ = try await club.alice.submit(
                late.location ?? "",
                [
                    "notified_on": DateFormatting.parisDay(app.now()).iso,
                    "delay_reasons": "Le piratage n'a été compris qu'au retour de la trésorière",
                ])
            #expect(try await club.alice.get(late.location ?? "").text.contains("Notification à la CNIL faite le"))
            let log = try await club.bob.get(club.base + "/violations")
            #expect(
                log.text.contains("Ordinateur portable du trésorier volé (Risque élevé)"),
                "\(log.status) \(log.text.firstMatch(of: /<main[^§]{0,1500}/).map { String($0.0) } ?? "")")
            let future = try await club.alice.submit(
                club.base + "/violations",
                [
                    "discovered": "2099-01-01T10:00", "nature": "x", "risk": "risk",
                ])
            #expect(
                future.status == .unprocessableContent
                    && future.text.contains("La découverte ne peut pas être dans le futur."),
                "\(future.status) \(future.location ?? "")")
            let unlikely = try await club.alice.submit(
                club.base + "/violations",
                [
                    "discovered": now, "nature": "Clé USB chiffrée perdue", "risk": "unlikely", "kind": "lost-device",
                    "no_notify_reasons": "Clé chiffrée, phrase de passe jamais notée",
                ])
            let unlikelyPage = try await club.alice.get(unlikely.location ?? "")
            #expect(
                unlikelyPage.text.contains("Pas de notification à la CNIL") && !unlikelyPage.text.contains("Brouillon"))
            #expect(unlikelyPage.text.contains("Clé chiffrée, phrase de passe jamais notée"))
        }
    }

    @Test("The register starts from a template, derives where data lives from the inventory, and exports as CSV")
    func register() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                ["kind": "service", "name": "Google Forms", "data_location": "outside-eu"])
            let asset = try #require(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .first?.row.id)
            let form = try await club.alice.get(club.base + "/registre/nouveau?modele=adherents")
            #expect(form.text.contains(#"value="contract" checked"#))
            let template = try #require(app.services.registerTemplates.first { $0.id == "adherents" })
            // a tool hosted outside the EU: the transfer's safeguard is asked, and nothing typed is lost
            let unframed = try await club.alice.submit(
                pairs: template.fields.sorted { $0.key < $1.key } + [("assets", asset)],
                to: club.base + "/registre/nouveau")
            #expect(unframed.status == .unprocessableContent)
            #expect(unframed.text.contains("Un outil coché héberge les données hors de l&#39;UE"))
            #expect(unframed.text.contains(#"value="\#(asset)" checked"#))
            let saved = try await club.alice.submit(
                pairs: template.fields.sorted { $0.key < $1.key } + [("assets", asset), ("transfer_basis", "dpf")],
                to: club.base + "/registre/nouveau")
            #expect(
                saved.status == .seeOther,
                "\(saved.text.firstMatch(of: /error-summary[^§]{0,900}/).map { String($0.0) } ?? "")")
            let register = try await club.bob.get(club.base + "/registre")
            #expect(register.text.contains("Google Forms : Hors de l&#39;Union européenne."))
            #expect(
                register.text.contains(
                    "Google Forms, Hors de l&#39;Union européenne : Cadre de protection des données UE–États-Unis"))
            let csv = try await club.bob.get(club.base + "/registre.csv?separateur=point-virgule")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                csv.text.contains(
                    "Activité;Fiche créée, mise à jour;Responsable du traitement;Responsable conjoint;Finalités;Base légale"
                ))
            #expect(csv.text.contains(template.name.plain))
            let bad = try await club.alice.submit(
                club.base + "/registre/nouveau", ["name": "", "purpose": "", "legal_basis": "magic", "assets": "other"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Choisissez une base légale."))
        }
    }

    @Test(
        "The diagnostic suggests what to note, pre-fills the form; the report links here; an alert goes to the action plan"
    )
    func fromTheDiagnostic() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let started = try await club.alice.submit(club.base + "/diagnostics", [:])
            let diagnostic = String(
                try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            try await app.answer(
                club.alice, id: diagnostic,
                ["mel-domaine-titulaire": ["ancien-membre"], "adh-acces-banque": ["une-personne"]])
            let inventory = try await club.alice.get(club.base + "/inventaire")
            #expect(inventory.text.contains("D&#39;après votre diagnostic"))
            #expect(inventory.text.contains(#"/inventaire/nouveau?type=domain&amp;titulaire=person""#))
            #expect(inventory.text.contains(#"/inventaire/nouveau?type=bank&amp;titulaire=association""#))
            let form = try await club.alice.get(club.base + "/inventaire/nouveau?type=domain&titulaire=person")
            #expect(
                form.text.contains(#"<option value="domain" selected>"#)
                    && form.text.contains(#"value="person" checked"#))
            let report = try await club.alice.get("/diagnostics/\(diagnostic)/rapport")
            #expect(report.text.contains("Pour passer à l&#39;action dans l&#39;espace de l&#39;association"))
            #expect(report.text.contains(#"<a href="\#(club.base)/passation">Passation</a>"#))
            // once noted, the suggestion goes; its alerts can be kept for the action plan
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                ["kind": "domain", "name": "chorale.fr", "owner": "person", "owner_name": "Ancien trésorier"])
            let noted = try await club.alice.get(club.base + "/inventaire")
            #expect(!noted.text.contains("?type=domain"))
            let asset = try #require(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .first?.row.id)
            let kept = try await club.bob.submit(
                club.base + "/etapes", ["kind": "inventory", "reference": "\(asset):personal-owner"])
            #expect(kept.location == club.base + "/inventaire")
            #expect(
                try await club.alice.get(club.base).text.contains("chorale.fr : c&#39;est au nom d&#39;une personne"))
            #expect(
                try await club.bob.submit(
                    club.base + "/etapes", ["kind": "inventory", "reference": "\(asset):nothing"]
                ).status == .badRequest)
            // a sheet on the subject says what exists here
            #expect(
                try await app.browser().get("/fiches/violation-de-donnees").text.contains(
                    "Le journal des violations affiche le délai de 72 heures"))
        }
    }

    @Test("Whatever is sent to these forms, the answer is never a 500 and nothing half-saved")
    func badInputNever500() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau", ["kind": "domain", "name": "chorale.fr"])
            let asset = try #require(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .first?.row.id)
            _ = try await club.alice.submit(club.base + "/passation", ["leaving": "Paul", "incoming": "Inès"])
            let handover = try #require(
                try await app.services.database.read { try await HandoverQueries.all(of: club.association, in: $0) }
                    .first?.id)
            let long = String(repeating: "é", count: 5000)
            let garbage: [[String: String]] = [
                [:], ["kind": "vaisseau", "name": long],
                [
                    "kind": "domain", "name": "x", "expires_on": "31/12/2026", "year": "deux mille",
                    "data_location": "lune",
                ],
                ["legal_basis": "caprice", "name": long, "purpose": long, "assets": "inconnu"],
                ["discovered": "hier", "risk": "énorme", "nature": long],
                ["discovered": "2026-13-45T25:61", "nature": "x", "risk": "risk"],
                ["done": "peut-être", "share": "oui", "notified_on": "jamais"],
            ]
            let paths = [
                "/inventaire/nouveau", "/inventaire/\(asset)", "/inventaire/\(asset)/verifie", "/inventaire-partage",
                "/passation/\(handover)/0",
                "/passation/\(handover)/abc", "/passation/inconnue/0", "/registre/nouveau", "/registre/inconnue",
                "/violations", "/violations/inconnue",
                "/violations/inconnue/modifier",
            ]
            for path in paths {
                for fields in garbage {
                    let page = try await club.alice.submit(club.base + path, fields)
                    #expect(page.status.code < 500, "\(path) \(fields.keys.sorted()) → \(page.status)")
                }
            }
            let assets = try await app.services.database.read {
                try await InventoryQueries.all(of: club.association, in: $0)
            }
            #expect(assets.count == 1 && assets[0].row.name == "chorale.fr")
            #expect(try await club.alice.get(club.base + "/registre/nouveau?modele=%00%ff").status == .ok)
            #expect(
                try await club.alice.get(club.base + "/inventaire/nouveau?type=vaisseau&titulaire=moi").status == .ok)
        }
    }

    @Test(
        "Advisors see nothing until the association shares; then they read, and each read is logged for the association"
    )
    func sharing() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await carol.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            _ = try await app.grant(club.alice, association: club.association, body: body)
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau", ["kind": "domain", "name": "chorale.fr"])
            for path in ["/inventaire", "/registre", "/violations", "/passation", "/registre.csv"] {
                #expect(try await carol.get(club.base + path).status == .notFound, "\(path)")
            }
            #expect(!(try await carol.get(club.base)).text.contains("Ouvrir l&#39;inventaire numérique"))
            // owners decide
            #expect(try await club.bob.submit(club.base + "/inventaire-partage", ["share": "1"]).status == .forbidden)
            #expect(try await club.alice.submit(club.base + "/inventaire-partage", ["share": "1"]).status == .seeOther)
            let read = try await carol.get(club.base + "/inventaire")
            #expect(read.status == .ok && read.text.contains("chorale.fr"))
            #expect(!read.text.contains("Ajouter un élément"))  // reading only
            #expect(
                try await carol.submit(club.base + "/inventaire/nouveau", ["kind": "domain", "name": "x"]).status
                    == .forbidden)
            #expect(
                try await club.alice.get(club.base).text.contains("Carol (PAVA) a consulté l&#39;inventaire numérique"))
            _ = try await club.alice.submit(club.base + "/inventaire-partage", ["share": "0"])
            #expect(try await carol.get(club.base + "/inventaire").status == .notFound)
        }
    }

    @Test("One advisor request writes one access_log row: a read, and a refused edit (four rows before)")
    func oneRowPerAdvisorRead() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await carol.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            _ = try await app.grant(club.alice, association: club.association, body: body)
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau", ["kind": "domain", "name": "chorale.fr"])
            _ = try await club.alice.submit(club.base + "/inventaire-partage", ["share": "1"])
            let asset = try #require(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .first?.row.id)
            func rows() async throws -> [String] {
                try await app.services.database.read {
                    try await AccessLogQueries.recent(of: club.association, limit: 50, in: $0)
                }.map(\.what)
            }
            #expect(try await rows().isEmpty)
            #expect(try await carol.get(club.base + "/inventaire").status == .ok)
            #expect(try await rows() == ["inventory"])
            #expect(
                try await carol.submit(club.base + "/inventaire/\(asset)", ["kind": "domain", "name": "x"]).status
                    == .forbidden)
            #expect(try await rows().count == 2)
            #expect(try await carol.submit(club.base + "/registre/nouveau", ["name": "x"]).status == .forbidden)
            #expect(try await rows().count == 3)
            #expect(try await carol.get(club.base).status == .ok)
            #expect(try await rows().count == 4)
        }
    }

    @Test("A holder ticked who is not a member is refused with a message, and nothing is saved")
    func holderNotMember() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let refused = try await club.alice.submit(
                pairs: [
                    ("kind", "mailbox"), ("name", "contact@chorale.fr"), ("holders", club.bobID),
                    ("holders", "personne-inconnue"),
                ], to: club.base + "/inventaire/nouveau")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Une personne cochée n&#39;est pas membre de l&#39;association"))
            #expect(refused.text.contains(#"name="holders" value="\#(club.bobID)" checked"#))
            #expect(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .isEmpty)
        }
    }

    @Test("Text refused for a markup tag says why, not that it looks like a password")
    func markupRefusedWithReason() async throws {
        try await withApp { app in
            let club = try await Self.club(app)
            let refused = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                ["kind": "bank", "name": "Compte", "credentials_place": "<b>Classeur</b> du local"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Ce texte contient des balises"))
            #expect(!refused.text.contains("Cela ressemble à un mot de passe."))
        }
    }
}
