import Foundation
import Hummingbird
import SQLKit
import Testing

@testable import EclairageWeb

/// The accompaniment, as its users live it: a body vetted before associations find it, an association
/// asking for help and choosing what it shares, a body asking for access, the dashboard, notes, the plan.
@Suite("Accompaniment: vetting, asking for help, dashboard, notes, action plan")
struct AccompanimentTests {
    static let mail = ["SENDMAIL_PATH": "/bin/true"]

    struct World {
        let alice: Browser
        let carol: Browser
        let admin: Browser
        let association: String
        let body: String
        var base: String { "/associations/\(association)" }
    }

    static func world(_ app: TestApp) async throws -> World {
        let alice = try await app.signedUpBrowserConfirmed(name: "Alice", email: "alice@example.org")
        let association = try associationID(
            try await alice.submit(
                "/associations/nouvelle", ["name": "Chorale", "rna": "W372001234", "departement": "37"]))
        let carol = try await app.signedUpBrowserConfirmed(name: "Carol", email: "carol@example.org")
        let body = String(
            try #require(
                try await carol.submit("/structures/nouvelle", ["name": "PAVA", "departement": "37"]).location
            )
            .dropFirst("/structures/".count))
        _ = try await Admins.create(
            email: "admin@example.org", name: "Admin", password: "phrase de passe administrateur",
            services: app.services)
        let admin = app.browser()
        _ = try await admin.submit(
            "/connexion", ["email": "admin@example.org", "password": "phrase de passe administrateur"])
        return World(alice: alice, carol: carol, admin: admin, association: association, body: body)
    }

    static func flash(_ page: Browser.Page) -> String? {
        page.setCookies.first { $0.hasPrefix("eclairage_flash=") }?.split(separator: ";").first.map {
            String($0.dropFirst("eclairage_flash=".count))
        }
    }

    @Test("A new body waits for vetting: associations cannot find or grant it; vetted, they can; refusing needs why")
    func vetting() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            // Not offered, and a forged choice is refused with a message, nothing granted.
            #expect(!(try await w.alice.get(w.base + "/accompagnement")).text.plain.contains("PAVA"))
            let forged = try await w.alice.submit(
                w.base + "/accompagnement", ["support_body": w.body, "shares_plan": "1"])
            #expect(forged.status == .unprocessableContent)
            #expect(forged.text.plain.contains("Choisissez une structure de la liste."))
            #expect(try await w.carol.get(w.base).status == .notFound)
            // The public list hides it; its advisor sees it, marked as waiting, with why.
            #expect(!(try await app.browser().get("/structures")).text.plain.contains("PAVA"))
            #expect(try await w.carol.get("/structures").text.plain.contains("en attente de vérification"))
            #expect(try await w.carol.get("/structures/\(w.body)").text.plain.contains("attend d&#39;être vérifiée"))
            // The queue: editors only; refusing without a note is refused.
            #expect(try await w.alice.get("/structures/a-verifier").status == .forbidden)
            let queue = try await w.admin.get("/structures/a-verifier")
            #expect(queue.status == .ok && queue.text.plain.contains("PAVA"))
            let noReason = try await w.admin.submit("/structures/\(w.body)/verification", ["decision": "refused"])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.plain.contains("Dites pourquoi la structure est refusée."))
            let vetted = try await w.admin.submit("/structures/\(w.body)/verification", ["decision": "vetted"])
            #expect(vetted.location == "/structures/a-verifier" && Self.flash(vetted) == "vetting.done.vetted")
            #expect(
                try await app.mails().contains {
                    $0.to == "carol@example.org" && $0.subject.plain == "Éclairage : PAVA est vérifiée"
                })
            #expect(!(try await w.admin.get("/structures/a-verifier")).text.plain.contains("PAVA"))
            #expect(try await app.browser().get("/structures").text.plain.contains("PAVA"))
            #expect(try await w.alice.get(w.base + "/accompagnement").text.plain.contains("PAVA (37)"))
        }
    }

    @Test(
        "Asking for help grants what was chosen, tells the advisors, shows as new until opened; withdrawing ends it at once"
    )
    func askAndWithdraw() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            _ = try await w.admin.submit("/structures/\(w.body)/verification", ["decision": "vetted"])
            let asked = try await w.alice.submit(
                w.base + "/accompagnement",
                ["support_body": w.body, "shares_plan": "1", "message": "Nous voulons sauvegarder nos fichiers."])
            #expect(asked.status == .seeOther && asked.location == w.base + "/accompagnement")
            #expect(Self.flash(asked) == "support.asked")
            let mail = try #require(
                try await app.mails().first {
                    $0.to == "carol@example.org" && $0.subject.plain == "Éclairage : Chorale demande un accompagnement"
                })
            #expect(mail.body.contains("/associations/\(w.association)"))
            let page = try await w.alice.get(w.base + "/accompagnement")
            #expect(page.text.plain.contains("la page de l&#39;association et ses diagnostics, la feuille de route"))
            #expect(!page.text.plain.contains("l&#39;inventaire et les registres"))
            // New on the dashboard until an advisor opens the association.
            #expect(try await w.carol.get("/structures/\(w.body)").text.plain.contains("nouvelle demande"))
            #expect(try await w.carol.get(w.base).status == .ok)
            #expect(!(try await w.carol.get("/structures/\(w.body)")).text.plain.contains("nouvelle demande"))
            // The plan is shared, the inventory is not.
            #expect(try await w.carol.get(w.base + "/feuille-de-route").status == .ok)
            #expect(try await w.carol.get(w.base + "/inventaire").status == .notFound)
            // Withdrawn: the very next read is refused.
            let withdrawn = try await w.alice.submit(w.base + "/acces", ["support_body": w.body])
            #expect(Self.flash(withdrawn) == "access.withdrawn")
            #expect(try await w.carol.get(w.base).status == .notFound)
            #expect(try await w.carol.get(w.base + "/feuille-de-route").status == .notFound)
            #expect(!(try await w.carol.get("/structures/\(w.body)")).text.plain.contains("Chorale"))
        }
    }

    @Test("A body asks by RNA: the same answer whatever the number; the owner accepts with what it shares, or declines")
    func bodyRequests() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            let early = try await w.carol.submit("/structures/\(w.body)/demandes", ["identifier": "W372001234"])
            #expect(early.status == .unprocessableContent)
            #expect(early.text.plain.contains("Votre structure doit être vérifiée avant de demander un accès."))
            _ = try await w.admin.submit("/structures/\(w.body)/verification", ["decision": "vetted"])
            let bad = try await w.carol.submit("/structures/\(w.body)/demandes", ["identifier": "12"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.plain.contains("Saisissez un numéro RNA"))
            let known = try await w.carol.submit(
                "/structures/\(w.body)/demandes", ["identifier": "w372001234", "message": "Suite au forum"])
            let unknown = try await w.carol.submit("/structures/\(w.body)/demandes", ["identifier": "W999999999"])
            #expect(known.status == .seeOther && unknown.status == .seeOther)
            #expect(Self.flash(known) == Self.flash(unknown) && Self.flash(known) == "dashboard.request_sent")
            #expect(
                try await app.mails().contains {
                    $0.to == "alice@example.org"
                        && $0.subject.plain == "Éclairage : PAVA demande l'accès à votre association"
                })
            #expect(try await w.carol.get(w.base).status == .notFound)  // nothing before the answer
            #expect(
                try await w.alice.get(w.base).text.plain.contains("1 demande d&#39;accès attend votre réponse."))
            let page = try await w.alice.get(w.base + "/accompagnement")
            #expect(page.text.plain.contains("Suite au forum"))
            let request = String(try #require(page.text.firstMatch(of: /name="request" value="([a-z0-9]+)"/)).1)
            let accepted = try await w.alice.submit(
                w.base + "/demandes", ["request": request, "answer": "accept", "shares_inventory": "1"])
            #expect(Self.flash(accepted) == "support.request_accepted")
            #expect(try await w.carol.get(w.base).status == .ok)
            #expect(try await w.carol.get(w.base + "/inventaire").status == .ok)
            #expect(try await w.carol.get(w.base + "/feuille-de-route").status == .notFound)  // plan not ticked
            let again = try await w.alice.submit(w.base + "/demandes", ["request": request, "answer": "accept"])
            #expect(Self.flash(again) == "support.request_unknown")
        }
    }

    @Test(
        "The dashboard logs each association once a day; the association's log groups repeated views with body and time"
    )
    func dashboardLog() async throws {
        try await withApp(Self.mail.merging(["SESSION_IDLE_MINUTES": "1440", "SESSION_MAX_HOURS": "48"]) { a, _ in a })
        { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            func rows() async throws -> [String] {
                try await app.services.database.read {
                    try await AccessLogQueries.recent(of: w.association, limit: 50, in: $0)
                }.map(\.what)
            }
            _ = try await w.carol.get("/structures/\(w.body)")
            _ = try await w.carol.get("/structures/\(w.body)")
            #expect(try await rows() == ["dashboard"])
            app.advance(23 * 3600)  // Wednesday, 9:00
            _ = try await w.carol.get("/structures/\(w.body)")
            #expect(try await rows() == ["dashboard", "dashboard"])
            for _ in 0..<3 {
                _ = try await w.carol.get(w.base)
                app.advance(600)
            }
            let log = try await w.alice.get(w.base).text.plain
            #expect(
                log.contains(
                    "18 novembre 2026, 9 h 00 – 9 h 20 : Carol (PAVA) a consulté la page de l&#39;association (3 fois)"
                ))
            #expect(
                log.contains("18 novembre 2026, 9 h 00 : Carol (PAVA) a vu l&#39;association dans son tableau de bord")
            )
        }
    }

    @Test(
        "The dashboard's figures come from the summary kept with the scores; scores kept before it are read as JSON until the backfill summarises them"
    )
    func dashboardSummary() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            for best in [false, true] {
                let started = try await w.alice.submit(w.base + "/diagnostics", [:])
                let id = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
                try await app.answerAll(w.alice, id: id) { question in
                    (best
                        ? question.options.max { ($0.score ?? -1) < ($1.score ?? -1) }
                        : question.options.min { ($0.score ?? 101) < ($1.score ?? 101) }) ?? question.options[0]
                }
                app.advance(60)
            }
            let theme = try #require(app.services.questionnaire.themes.first)
            _ = try await w.carol.get("/structures/\(w.body)")  // the flash of the body's creation, once
            let page = try await w.carol.get("/structures/\(w.body)").text
            #expect(page.contains("\(theme.title) "))
            #expect(page.contains(" (+"))
            // As after migration 33, before the backfill: the stored scores alone.
            try await app.services.database.write {
                try await $0.raw("UPDATE diagnostics SET overall_score = NULL, theme_scores = NULL").run()
            }
            #expect(try await w.carol.get("/structures/\(w.body)").text == page)
            try await app.services.database.write {
                try await DiagnosticScores.backfill(questionnaire: app.services.questionnaire, in: $0)
            }
            let unsummarised = try await app.services.database.read {
                try await DiagnosticQueries.withoutSummary(limit: 10, in: $0)
            }
            #expect(unsummarised.isEmpty)
            #expect(try await w.carol.get("/structures/\(w.body)").text == page)
        }
    }

    @Test("Notes: an advisor writes them, members read those not internal; a future date or empty text is refused")
    func notes() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            let future = try await w.carol.submit(w.base + "/suivi/notes", ["day": "2026-11-18", "text": "Demain"])
            #expect(future.status == .unprocessableContent)
            #expect(future.text.plain.contains("La date ne peut pas être dans le futur."))
            #expect(future.text.plain.contains("Demain"))  // kept
            let empty = try await w.carol.submit(w.base + "/suivi/notes", ["day": "2026-11-17", "text": " "])
            #expect(empty.text.plain.contains("Écrivez la note."))
            let shared = try await w.carol.submit(
                w.base + "/suivi/notes",
                ["day": "2026-11-16", "text": "Entretien : sauvegardes à revoir.", "minutes": "45"])
            #expect(Self.flash(shared) == "note.added")
            _ = try await w.carol.submit(
                w.base + "/suivi/notes", ["day": "2026-11-17", "text": "À rappeler en janvier.", "internal": "1"])
            let member = try await w.alice.get(w.base + "/suivi").text.plain
            #expect(member.contains("Entretien : sauvegardes à revoir.") && member.contains("45 minutes"))
            #expect(!member.contains("À rappeler en janvier."))
            let advisor = try await w.carol.get(w.base + "/suivi").text.plain
            #expect(advisor.contains("À rappeler en janvier.") && advisor.contains("interne"))
            #expect(
                try await w.alice.submit(w.base + "/suivi/notes", ["day": "2026-11-17", "text": "x"]).status
                    == .forbidden)
            // The dashboard reads the last contact.
            #expect(
                try await w.carol.get("/structures/\(w.body)").text.plain.contains(
                    "dernier contact le 17 novembre 2026"))
        }
    }

    @Test("The plan: members add and close steps (giving up needs why), advisors propose, the association accepts")
    func plan() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            let bad = try await w.alice.submit(
                w.base + "/feuille-de-route", ["title": "", "due": "2026-02-30", "hours": "-3"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.plain.contains("Nommez l&#39;étape."))
            #expect(bad.text.plain.contains("Saisissez la date au format jj/mm/aaaa."))
            #expect(bad.text.plain.contains("Saisissez un nombre d&#39;heures entier"))
            let added = try await w.alice.submit(
                w.base + "/feuille-de-route",
                ["title": "Sauvegarder hors site", "owner": "Bob", "due": "2026-11-10", "hours": "3", "euros": "60"])
            #expect(added.location == w.base + "/feuille-de-route" && Self.flash(added) == "plan.added")
            var page = try await w.alice.get(w.base + "/feuille-de-route").text.plain
            #expect(page.contains("Sauvegarder hors site") && page.contains("en retard"))
            #expect(page.contains("0 étape faite sur 1") && page.contains("3 h et 60 € estimés en tout"))
            // The dashboard puts overdue steps forward.
            #expect(try await w.carol.get("/structures/\(w.body)").text.plain.contains("étapes en retard"))
            // An advisor proposes; the association accepts.
            let proposed = try await w.carol.submit(
                w.base + "/feuille-de-route", ["title": "Choisir un gestionnaire de mots de passe"])
            #expect(Self.flash(proposed) == "plan.proposed")
            page = try await w.alice.get(w.base + "/feuille-de-route").text.plain
            #expect(page.contains("Propositions à accepter") && page.contains("Proposée par PAVA"))
            let steps = try await app.services.database.read { try await PlanQueries.all(of: w.association, in: $0) }
            let proposal = try #require(steps.first { $0.accepted == 0 })
            #expect(
                try await w.carol.submit(
                    w.base + "/feuille-de-route/propositions", ["step": proposal.id, "answer": "accept"]
                ).status == .forbidden)
            let accepted = try await w.alice.submit(
                w.base + "/feuille-de-route/propositions", ["step": proposal.id, "answer": "accept"])
            #expect(Self.flash(accepted) == "plan.proposal_accepted")
            // Giving up needs why; done adds the volunteers' time.
            let own = try #require(steps.first { $0.accepted == 1 })
            let noWhy = try await w.alice.submit(
                w.base + "/feuille-de-route/statut", ["step": own.id, "status": "abandoned"])
            #expect(noWhy.status == .unprocessableContent)
            #expect(noWhy.text.plain.contains("Dites pourquoi l&#39;étape est abandonnée."))
            let done = try await w.alice.submit(
                w.base + "/feuille-de-route/statut", ["step": own.id, "status": "done_alone", "volunteer": "90"])
            #expect(Self.flash(done) == "plan.status_changed")
            page = try await w.alice.get(w.base + "/feuille-de-route").text.plain
            #expect(page.contains("1 étape faite sur 2") && page.contains("1 h 30 de bénévolat déclarées"))
            #expect(page.contains("faite sans aide"))
            #expect(try await w.alice.get(w.base).text.plain.contains("1 étape faite sur 2"))
        }
    }

    @Test(
        "The activity report: a period from the list, figures from the body's own data, CSV; a made-up period is refused"
    )
    func activityReport() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            _ = try await w.carol.submit(
                w.base + "/suivi/notes", ["day": "2026-11-16", "text": "Entretien", "minutes": "50"])
            _ = try await w.alice.submit(w.base + "/feuille-de-route", ["title": "Sauvegarder"])
            let step = try #require(
                try await app.services.database.read { try await PlanQueries.all(of: w.association, in: $0) }.first)
            _ = try await w.alice.submit(
                w.base + "/feuille-de-route/statut",
                ["step": step.id, "status": "done", "volunteer": "120", "advisor": "30"])
            let page = try await w.carol.get("/structures/\(w.body)/bilan?periode=2026-11")
            #expect(page.status == .ok)
            let text = page.text.plain
            #expect(text.contains("<caption>Activité sur novembre 2026</caption>"))
            #expect(text.contains("<th scope=\"row\">Associations accompagnées</th><td>1</td>"))
            #expect(text.contains("<th scope=\"row\" class=\"detail\">faite avec l&#39;accompagnement</th><td>1</td>"))
            #expect(text.contains("<th scope=\"row\">Temps d&#39;accompagnement déclaré</th><td>1 h 20</td>"))
            #expect(text.contains("<th scope=\"row\">Temps bénévole déclaré</th><td>2 h 00</td>"))
            // October: the grant did not exist yet, nothing closed.
            let october = try await w.carol.get("/structures/\(w.body)/bilan?periode=2026-10").text
            #expect(october.contains("<th scope=\"row\">Associations accompagnées</th><td>0</td>"))
            let csv = try await w.carol.get("/structures/\(w.body)/bilan.csv?periode=2026-T4&separateur=point-virgule")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("Associations accompagnées;1"))
            let bad = try await w.carol.get("/structures/\(w.body)/bilan?periode=2026-T9")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Cette période n&#39;existe pas"))
            #expect(try await w.alice.get("/structures/\(w.body)/bilan").status == .notFound)
        }
    }

    @Test(
        "An advisor closes the accompaniment with a reason: access ends at once, the association reads why, the report counts it closed; a withdrawal leaves nothing"
    )
    func closing() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            let close = w.base + "/suivi/cloture"
            #expect(try await w.carol.get(w.base + "/suivi").text.contains("Clore l&#39;accompagnement"))
            // No reason: the field says so, the access stays.
            let empty = try await w.carol.submit(close, ["reason": "  "])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("Dites en quelques mots pourquoi l&#39;accompagnement se termine."))
            #expect(try await w.carol.get(w.base).status == .ok)
            // Members cannot close it (they withdraw instead).
            #expect(try await w.alice.submit(close, ["reason": "Fini"]).status == .forbidden)
            app.advance(3600)
            let closed = try await w.carol.submit(close, ["reason": "Objectifs atteints"])
            #expect(closed.status == .seeOther && closed.location == "/structures/\(w.body)")
            #expect(Self.flash(closed) == "closing.done")
            // The owner is told, with the reason and where to ask again.
            #expect(
                try await app.mails().contains {
                    $0.to == "alice@example.org"
                        && $0.subject.plain.hasPrefix("Éclairage : PAVA a clos l'accompagnement de ")
                        && $0.body.plain.contains("« Objectifs atteints »") && $0.body.contains("/accompagnement")
                })
            // Access ends at once, as with a withdrawal.
            #expect(try await w.carol.get(w.base).status == .notFound)
            #expect(try await w.carol.get(w.base + "/suivi").status == .notFound)
            #expect(try await w.carol.submit(close, ["reason": "Encore"]).status == .notFound)
            #expect(!(try await w.carol.get("/structures/\(w.body)")).text.plain.contains("Chorale"))
            // The association reads who closed it, when and why.
            let support = try await w.alice.get(w.base + "/accompagnement").text.plain
            #expect(
                support.contains(
                    "PAVA a clos l&#39;accompagnement le 17 novembre 2026 (Carol) : « Objectifs atteints »"))
            // Another association asks for help, then withdraws: nothing of it stays in the report.
            let other = try associationID(
                try await w.alice.submit("/associations/nouvelle", ["name": "Fanfare", "departement": "37"]))
            try await app.grant(w.alice, association: other, body: w.body)
            _ = try await w.alice.submit("/associations/\(other)/acces", ["support_body": w.body])
            func figure(_ period: String, _ label: String) async throws -> String? {
                let text = try await w.carol.get("/structures/\(w.body)/bilan?periode=\(period)").text.plain
                guard let range = text.range(of: "<th scope=\"row\">\(label)</th><td>") else { return nil }
                return String(text[range.upperBound...].prefix { $0 != "<" })
            }
            // November 2026 (the test clock's month): begun and closed in it.
            #expect(try await figure("2026-11", "Associations accompagnées") == "1")
            #expect(try await figure("2026-11", "dont nouvelles sur la période") == "1")
            #expect(try await figure("2026-11", "Accompagnements clos sur la période") == "1")
            // October: not begun yet; the whole year: closed once.
            #expect(try await figure("2026-10", "Associations accompagnées") == "0")
            #expect(try await figure("2026-10", "Accompagnements clos sur la période") == "0")
            #expect(try await figure("2026", "Accompagnements clos sur la période") == "1")
            let csv = try await w.carol.get("/structures/\(w.body)/bilan.csv?periode=2026-T4&separateur=point-virgule")
            #expect(csv.text.contains("Accompagnements clos sur la période;1"))
            let rows = try await app.services.database.read {
                try await $0.raw("SELECT association_id FROM closed_accompaniments").all()
            }
            #expect(rows.count == 1)
        }
    }

    @Test("The next diagnostic's comparison says which of the plan's steps, done since, worked on which theme")
    func stepsMovedThemes() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            func diagnose(best: Bool) async throws -> String {
                let started = try await w.alice.submit(w.base + "/diagnostics", [:])
                let id = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
                try await app.answerAll(w.alice, id: id) { question in
                    (best ? question.options.max { ($0.score ?? -1) < ($1.score ?? -1) } : question.options.first)
                        ?? question.options[0]
                }
                return id
            }
            _ = try await diagnose(best: false)
            let theme = try #require(app.services.questionnaire.themes.first)
            _ = try await w.alice.submit(
                w.base + "/feuille-de-route", ["title": "Former l'équipe", "theme": theme.id])
            _ = try await w.alice.submit(
                w.base + "/feuille-de-route", ["title": "Étape sans thème"])
            let steps = try await app.services.database.read { try await PlanQueries.all(of: w.association, in: $0) }
            app.advance(3600)
            for step in steps {
                _ = try await w.alice.submit(w.base + "/feuille-de-route/statut", ["step": step.id, "status": "done"])
            }
            app.advance(3600)
            let second = try await diagnose(best: true)
            let report = try await w.alice.get("/diagnostics/\(second)/rapport").text.plain
            #expect(report.contains("Ce que la feuille de route a fait bouger depuis le diagnostic précédent"))
            #expect(report.contains("<strong>\(theme.title)</strong>"))
            #expect(report.contains("Former l&#39;équipe"))
            #expect(!report.contains("Étape sans thème"))
            // A theme chosen must be the questionnaire's.
            let bad = try await w.alice.submit(w.base + "/feuille-de-route", ["title": "x", "theme": "inconnu"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Choisissez un thème de la liste."))
        }
    }

    @Test("The map of usages: tools by need from the latest diagnostic, with their facts, as SVG and as a table")
    func usageMap() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            #expect(try await w.alice.get(w.base + "/usages").text.plain.contains("ne dit encore rien des outils"))
            let started = try await w.alice.submit(w.base + "/diagnostics", [:])
            let id = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            _ = try await w.alice.submit(
                "/diagnostics/\(id)/etape/1",
                pairs: [("q.usages", "group-chat"), ("q.usages", "mail"), ("direction", "next")])
            let tools = try await w.alice.submit(
                "/diagnostics/\(id)/etape/2",
                pairs: [
                    ("q.outils-group-chat", "whatsapp"), ("q.outils-group-chat", "signal"), ("q.outils-mail", "gmail"),
                    ("direction", "next"),
                ])
            #expect(tools.status == .seeOther)
            let page = try await w.alice.get(w.base + "/usages").text.plain
            #expect(page.contains("<svg") && page.contains("role=\"img\""))
            #expect(page.contains(">WhatsApp</a></th><td>propriétaire</td>"))
            #expect(page.contains(">Signal</a></th><td>libre</td>"))
            #expect(page.contains(">Gmail</a></th><td>propriétaire</td>"))
            #expect(page.contains("href=\"/diagnostics/\(id)/etape/2\""))  // members correct it there
            // An advisor reads it (logged), without the link to edit.
            let advisor = try await w.carol.get(w.base + "/usages")
            #expect(advisor.status == .ok && !advisor.text.contains("/etape/2"))
            #expect(try await w.alice.get(w.base).text.plain.contains("Carol (PAVA) a consulté la carte des usages"))
        }
    }

    @Test(
        "Volunteer hours valued at the rate and rule the association chooses; a bad rate or a missing rule is refused")
    func volunteerValue() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            try await app.grant(w.alice, association: w.association, body: w.body)
            _ = try await w.alice.submit(w.base + "/feuille-de-route", ["title": "Sauvegarder"])
            let step = try #require(
                try await app.services.database.read { try await PlanQueries.all(of: w.association, in: $0) }.first)
            _ = try await w.alice.submit(
                w.base + "/feuille-de-route/statut", ["step": step.id, "status": "doing", "volunteer": "90"])
            let bad = try await w.alice.submit(
                w.base + "/feuille-de-route/valorisation", ["rate": "douze", "rule": ""])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.plain.contains("Saisissez un taux en euros, par exemple 12,02"))
            #expect(bad.text.plain.contains("Dites quelle règle vous suivez pour ce taux."))
            #expect(bad.text.contains("value=\"douze\""))  // kept
            let saved = try await w.alice.submit(
                w.base + "/feuille-de-route/valorisation", ["rate": "12,02", "rule": "SMIC horaire brut 2026"])
            #expect(Self.flash(saved) == "volunteer.saved")
            let page = try await w.alice.get(w.base + "/feuille-de-route").text.plain
            #expect(page.contains("1 h 30 de bénévolat déclarées"))
            #expect(
                page.contains(
                    "Soit 18,03 € de contributions volontaires en nature (taux : 12,02 € de l&#39;heure ; règle : SMIC horaire brut 2026)."
                ))
            // Members other than owners, and advisors, cannot set it.
            #expect(
                try await w.carol.submit(w.base + "/feuille-de-route/valorisation", ["rate": "1"]).status == .forbidden)
            let cleared = try await w.alice.submit(w.base + "/feuille-de-route/valorisation", ["rate": "", "rule": ""])
            #expect(Self.flash(cleared) == "volunteer.cleared")
            #expect(
                !(try await w.alice.get(w.base + "/feuille-de-route")).text.contains(
                    "contributions volontaires en nature ("))
        }
    }

    @Test("A step unmoved for three months: the owners are reminded once; a month later, still unmoved, it is archived")
    func staleSteps() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            _ = try await w.alice.submit(w.base + "/feuille-de-route", ["title": "Changer la box"])
            _ = try await w.alice.submit(w.base + "/feuille-de-route", ["title": "Former le bureau"])
            func steps() async throws -> [PlanQueries.Step] {
                try await app.services.database.read { try await PlanQueries.all(of: w.association, in: $0) }
            }
            let moved = try #require(try await steps().first { $0.title == "Former le bureau" })
            app.advance(60 * 86_400)
            _ = try await app.services.scheduler.runDue()
            #expect(try await steps().allSatisfy { $0.remindedAt == nil })
            // One of the two moves (an owner's update) in the meantime.
            try await app.services.database.write {
                var step = moved
                step.status = "doing"
                step.updatedAt = app.now()
                try await PlanQueries.update(step, in: $0)
            }
            app.advance(31 * 86_400)
            let before = try await app.mails().count
            _ = try await app.services.scheduler.runDue()
            let mails = try await app.mails()
            let reminder = try #require(mails.dropFirst(before).first { $0.to == "alice@example.org" })
            #expect(reminder.subject.plain.contains("n'ont pas bougé depuis trois mois"))
            #expect(reminder.body.contains("- Changer la box") && !reminder.body.contains("Former le bureau"))
            _ = try await app.services.scheduler.runDue()
            #expect(try await app.mails().count == mails.count)  // once
            app.advance(30 * 86_400)
            _ = try await app.services.scheduler.runDue()
            let after = try await steps()
            #expect(after.first { $0.title == "Changer la box" }?.status == "archived")
            #expect(after.first { $0.title == "Former le bureau" }?.status == "doing")
        }
    }

    @Test(
        "A step relates to an upcoming training of the calendar: offered in the form, linked from the plan; an unknown one is refused; a deleted one leaves the step"
    )
    func stepTraining() async throws {
        try await withApp { app in
            let calendar = try await CalendarWebTests.setUp(app)
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(
                try await alice.submit(
                    "/associations/nouvelle", ["name": "Chorale", "rna": "W372001234", "departement": "37"]))
            let plan = "/associations/\(association)/feuille-de-route"
            let form = try await alice.get(plan).text
            #expect(form.contains("<option value=\"\(calendar.training)\">Sauvegarder ses données ("))
            // A made-up training: the field says so, nothing is saved.
            let bad = try await alice.submit(plan, ["title": "Se former", "training": "inconnue"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Choisissez une formation de la liste."))
            #expect(bad.text.contains("value=\"Se former\""))
            let saved = try await alice.submit(plan, ["title": "Se former", "training": calendar.training])
            #expect(saved.status == .seeOther && saved.location == plan)
            let page = try await alice.get(plan).text
            #expect(
                page.contains(
                    "Formation liée : <a href=\"/agenda/formations/\(calendar.training)\">Sauvegarder ses données</a>"))
            let steps = try await app.services.database.read { try await PlanQueries.all(of: association, in: $0) }
            #expect(steps.map(\.title) == ["Se former"] && steps.first?.trainingId == calendar.training)
            // The training goes (its place left the directory): the step stays, without the link.
            try await app.services.database.write {
                try await $0.raw("DELETE FROM trainings WHERE id = \(bind: calendar.training)").run()
            }
            let after = try await alice.get(plan)
            #expect(after.status == .ok)
            #expect(after.text.contains("<h3>Se former</h3>"))
            #expect(!after.text.contains("/agenda/formations/"))
        }
    }

    @Test("A step kept from the report joins the plan with its theme, and links to its sheet")
    func keptStepLinksToSheet() async throws {
        try await withApp(Self.mail) { app in
            let w = try await Self.world(app)
            let kept = try await w.alice.submit(
                w.base + "/etapes", ["kind": "step", "reference": "mettre-les-fichiers-a-l-abri", "diagnostic": ""])
            #expect(kept.status == .seeOther)
            let step = try #require(
                try await app.services.database.read { try await PlanQueries.all(of: w.association, in: $0) }.first)
            #expect(step.title == "Mettre les fichiers importants à l'abri" && step.theme == "fichiers")
            let page = try await w.alice.get(w.base + "/feuille-de-route").text.plain
            #expect(
                page.contains(
                    "<p>Pour s&#39;y prendre : <a href=\"/fiches/sauvegardes\">Sauvegarder les fichiers de l&#39;association</a></p>"
                ))
        }
    }
}
