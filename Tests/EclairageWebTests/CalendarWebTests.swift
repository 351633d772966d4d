import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The calendar: an editor publishes a training, people register without an account, the waiting list
/// hands freed seats on (offer with a deadline, or at once within the last day), a cancelled session
/// stays in the feeds with a higher sequence, and calendars get invitations and cancellations.
@Suite("Calendar: trainings, registrations, waiting list, feeds")
struct CalendarWebTests {
    struct Setup {
        let editor: Browser
        let training: String
        let session: String
    }

    /// The sample directory, an editor, and a training of one session `daysAhead` days from now with `capacity` seats.
    static func setUp(_ app: TestApp, capacity: Int = 2, daysAhead: Int = 10) async throws -> Setup {
        _ = try await DirectoryCommands.importFile(
            at: DirectoryWebTests.fixtures.appendingPathComponent("lieux-sample.csv").path, apply: true,
            services: app.services
        ) { _ in }
        let place = try #require(
            try await app.services.database.read { try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0) }
                .first?.id)
        _ = try await Admins.create(
            email: "admin@example.org", name: "Admin", password: "phrase de passe administrateur",
            services: app.services)
        let editor = try await app.signedUpBrowser(name: "Edi", email: "edi@example.org")
        let admin = app.browser()
        _ = try await admin.submit(
            "/connexion", ["email": "admin@example.org", "password": "phrase de passe administrateur"])
        let editorID = try #require(
            try await app.services.database.read { try await UserQueries.find(email: "edi@example.org", in: $0) }?.id)
        #expect(try await admin.submit("/admin/comptes/\(editorID)/editeur", [:]).status == .seeOther)
        let start = ParisTime(unixTime: app.now() + Int64(daysAhead) * 86_400)
        let startText = String(format: "%04d-%02d-%02dT10:00", start.year, start.month, start.day)
        let created = try await editor.submit(
            "/agenda/nouvelle",
            [
                "place": place, "title": "Sauvegarder ses données", "kind": "atelier",
                "description": "Où sont vos fichiers, et leur copie ?",
                "start": startText, "duration": "90", "every": "0", "count": "1", "capacity": String(capacity),
                "location": "",
            ])
        #expect(created.status == .seeOther, "\(created.text.prefix(300))")
        let training = String(try #require(created.location).split(separator: "/").last ?? "")
        let session = try #require(
            try await app.services.database.read { try await CalendarQueries.sessions(of: training, in: $0) }.first?.id)
        return Setup(editor: editor, training: training, session: session)
    }

    static func register(_ app: TestApp, _ session: String, _ name: String) async throws -> Browser.Page {
        try await app.browser().submit(
            "/agenda/seances/\(session)/inscription", ["name": name, "email": "\(name.lowercased())@example.org"])
    }

    /// The message to this person with this subject (messages of the same second leave in any order).
    static func mail(_ app: TestApp, to name: String, _ subject: String) async throws -> MailMessage? {
        try await app.mails().first { $0.to == "\(name.lowercased())@example.org" && $0.subject.plain == subject }
    }

    static func token(_ app: TestApp, _ name: String) async throws -> String {
        let mail = try #require(try await app.mails().last { $0.to == "\(name.lowercased())@example.org" })
        return String(try #require(mail.body.firstMatch(of: /\/agenda\/inscription\/([a-z0-9]+)/)).1)
    }

    @Test(
        "Seats, then the queue; a cancellation offers the seat for 24 hours; accepting confirms it; invitations carry the session's UID"
    )
    func waitingList() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            #expect(
                try await Self.register(app, setup.session, "Ana").location == "/agenda/formations/\(setup.training)")
            _ = try await Self.register(app, setup.session, "Bob")
            _ = try await Self.register(app, setup.session, "Cleo")
            let page = try await app.browser().get("/agenda/formations/\(setup.training)").text
            #expect(
                page.contains(
                    "Complet : inscrivez-vous pour rejoindre la liste d&#39;attente (1 personne déjà en attente)."))
            let mails = try await app.mails()
            let ana = try #require(mails.first { $0.to == "ana@example.org" })
            #expect(ana.subject.plain == "Inscription confirmée : Sauvegarder ses données")
            let invitation = try #require(ana.attachment)
            #expect(invitation.contentType == "text/calendar; method=REQUEST; charset=UTF-8")
            #expect(invitation.content.contains("METHOD:REQUEST\r\n"))
            #expect(invitation.content.contains("UID:seance-\(setup.session)@"))
            #expect(invitation.content.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"))
            // The organiser's address alone (MAIL_FROM's name is not part of it).
            let unfolded = invitation.content.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains(":mailto:ne-pas-repondre@localhost\r\n") && unfolded.contains("ORGANIZER;CN="))
            #expect(!unfolded.contains("mailto:Éclairage"))
            let cleo = try #require(mails.first { $0.to == "cleo@example.org" })
            #expect(cleo.body.contains("Vous êtes en position 1 sur la liste d'attente"))
            #expect(cleo.attachment == nil)
            // Bob cancels: Cleo is offered the seat until tomorrow, same time.
            let bob = try await Self.token(app, "Bob")
            let cancelled = try await app.browser().submit("/agenda/inscription/\(bob)", ["action": "cancel"])
            #expect(cancelled.status == .seeOther)
            #expect(try await Self.mail(app, to: "Cleo", "Une place s'est libérée : Sauvegarder ses données") != nil)
            let cleoToken = try await Self.token(app, "Cleo")
            let cleoPage = try await app.browser().get("/agenda/inscription/\(cleoToken)").text
            #expect(cleoPage.contains("Une place s&#39;est libérée pour vous"))
            let row = try #require(
                try await app.services.database.read { try await RegistrationQueries.find(token: cleoToken, in: $0) })
            #expect(row.offeredUntil.map { $0 - app.now() } ?? 0 >= 86_400 - 5)
            #expect(
                try await app.browser().submit("/agenda/inscription/\(cleoToken)", ["action": "accept"]).status
                    == .seeOther)
            let accepted = try #require(
                try await Self.mail(app, to: "Cleo", "Inscription confirmée : Sauvegarder ses données"))
            #expect(accepted.attachment?.content.contains("METHOD:REQUEST") == true)
            let statuses = try await app.services.database.read {
                try await RegistrationQueries.all(of: setup.session, in: $0)
            }.map { "\($0.name) \($0.status)" }
            #expect(statuses == ["Ana confirmed", "Bob cancelled", "Cleo confirmed"])
            // The same address cannot take two seats.
            let again = try await Self.register(app, setup.session, "Ana")
            #expect(try await app.browser().get(try #require(again.location)).status == .ok)
            #expect(
                try await app.services.database.read { try await RegistrationQueries.all(of: setup.session, in: $0) }
                    .count == 3)
        }
    }

    @Test(
        "An offer not taken lapses after its deadline and goes to the next person; within the last day the seat is given at once"
    )
    func lapsesAndLastDay() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app, capacity: 1, daysAhead: 3)
            for name in ["Ana", "Bob", "Cleo"] { _ = try await Self.register(app, setup.session, name) }
            _ = try await app.browser().submit(
                "/agenda/inscription/\(try await Self.token(app, "Ana"))", ["action": "cancel"])
            app.advance(86_400 + 60)
            try await WaitingListJob.run(
                now: app.now(), database: app.services.database, views: app.services.views,
                configuration: app.services.configuration, tokens: app.services.tokens)
            var statuses = try await app.services.database.read {
                try await RegistrationQueries.all(of: setup.session, in: $0)
            }.map { "\($0.name) \($0.status)" }
            #expect(statuses == ["Ana cancelled", "Bob expired", "Cleo offered"])
            // Less than a day before the session: Cleo's offer lapses and nobody is left; a newcomer's cancellation…
            _ = try await Self.register(app, setup.session, "Dan")
            app.advance(86_400 + 60)
            try await WaitingListJob.run(
                now: app.now(), database: app.services.database, views: app.services.views,
                configuration: app.services.configuration, tokens: app.services.tokens)
            statuses = try await app.services.database.read {
                try await RegistrationQueries.all(of: setup.session, in: $0)
            }.map { "\($0.name) \($0.status)" }
            #expect(statuses == ["Ana cancelled", "Bob expired", "Cleo expired", "Dan confirmed"])
            let dan = try #require(try await Self.mail(app, to: "Dan", "Une place pour vous : Sauvegarder ses données"))
            #expect(dan.attachment?.content.contains("METHOD:REQUEST") == true)
        }
    }

    @Test(
        "A cancelled session stays in the feed as CANCELLED with a higher SEQUENCE; registrants get METHOD:CANCEL with the same UID"
    )
    func cancellationAndFeeds() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            _ = try await Self.register(app, setup.session, "Ana")
            let before = try await app.browser().get("/agenda.ics")
            #expect(before.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(before.raw.contains("UID:seance-\(setup.session)@"))
            #expect(before.raw.contains("SEQUENCE:0\r\nDTSTAMP"))
            #expect(before.raw.contains("STATUS:CONFIRMED"))
            #expect(try await setup.editor.submit("/agenda/seances/\(setup.session)/annuler", [:]).status == .seeOther)
            let after = try await app.browser().get("/agenda.ics?departement=37")
            #expect(after.raw.contains("SEQUENCE:1\r\n"))
            #expect(after.raw.contains("STATUS:CANCELLED"))
            #expect(!(try await app.browser().get("/agenda.ics?departement=41").raw.contains("BEGIN:VEVENT")))
            let mail = try #require(try await Self.mail(app, to: "Ana", "Séance annulée : Sauvegarder ses données"))
            let ics = try #require(mail.attachment?.content)
            #expect(
                ics.contains("METHOD:CANCEL\r\n") && ics.contains("UID:seance-\(setup.session)@")
                    && ics.contains("SEQUENCE:1\r\n"))
            #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
            // Registering for a cancelled session is refused.
            _ = try await Self.register(app, setup.session, "Bob")
            #expect(
                try await app.services.database.read { try await RegistrationQueries.all(of: setup.session, in: $0) }
                    .count == 1)
        }
    }

    @Test("A material change raises the sequence and updates calendars; more seats go to those waiting")
    func changes() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app, capacity: 1)
            _ = try await Self.register(app, setup.session, "Ana")
            _ = try await Self.register(app, setup.session, "Bob")
            let edited = try await setup.editor.submit(
                "/agenda/formations/\(setup.training)/modifier",
                [
                    "title": "Sauvegarder ses données", "kind": "atelier", "description": "Où sont vos fichiers ?",
                    "location": "Salle 2", "capacity": "2",
                    "online_url": "",
                ])
            #expect(edited.status == .seeOther)
            let session = try #require(
                try await app.services.database.read { try await CalendarQueries.session(setup.session, in: $0) })
            #expect(session.sequence == 1 && session.capacity == 2)
            // Messages sent within the same second may leave in any order: each is looked for by its subject.
            let mails = try await app.mails()
            let ana = try #require(
                mails.first { $0.to == "ana@example.org" && $0.subject.plain == "Changement : Sauvegarder ses données" }
            )
            #expect(ana.attachment?.content.contains("LOCATION:Salle 2") == true)
            #expect(
                mails.contains {
                    $0.to == "bob@example.org"
                        && $0.subject.plain == "Une place s'est libérée : Sauvegarder ses données"
                })
            let tooFew = try await setup.editor.submit(
                "/agenda/formations/\(setup.training)/modifier",
                [
                    "title": "Sauvegarder", "kind": "atelier", "description": "", "location": "", "capacity": "0",
                    "online_url": "",
                ])
            #expect(tooFew.status == .unprocessableContent)
            #expect(tooFew.text.contains("Indiquez un nombre de places entre 1 et 1 000."))
        }
    }

    @Test("100 registrations at once for 10 seats: exactly 10 seats given, 90 in the queue")
    func noOverbooking() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app, capacity: 10)
            // Straight to the seat-giving transaction: the sign-up form's rate limit would stop one visitor sooner.
            let services = app.services
            let now = app.now()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<100 {
                    group.addTask {
                        _ = try await services.database.transaction { sql in
                            try await WaitingList.register(
                                name: "P\(index)", email: "p\(index)@example.org", session: setup.session,
                                tokenHash: "h\(index)", now: now, tokens: services.tokens, in: sql)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let rows = try await app.services.database.read {
                try await RegistrationQueries.all(of: setup.session, in: $0)
            }
            #expect(rows.filter { $0.status == RegistrationRow.confirmed }.count == 10)
            #expect(rows.filter { $0.status == RegistrationRow.waiting }.count == 90)
            #expect(Set(rows.map(\.position)).count == 100)
        }
    }

    @Test("Only editors create, change, cancel and see registrants; a registration page needs its link")
    func access() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            _ = try await Self.register(app, setup.session, "Ana")
            let someone = try await app.signedUpBrowser(name: "Léa", email: "lea@example.org")
            for browser in [app.browser(), someone] {
                #expect(try await browser.get("/agenda/nouvelle").status == .forbidden)
                #expect(try await browser.submit("/agenda/nouvelle", ["title": "x"]).status == .forbidden)
                #expect(try await browser.get("/agenda/formations/\(setup.training)/modifier").status == .forbidden)
                #expect(try await browser.submit("/agenda/seances/\(setup.session)/annuler", [:]).status == .forbidden)
                #expect(try await browser.get("/agenda/seances/\(setup.session)/inscrits").status == .forbidden)
                #expect(
                    try await browser.submit("/agenda/seances/\(setup.session)/inscrits", ["present": "x"]).status
                        == .forbidden)
                #expect(try await browser.submit("/admin/comptes/x/editeur", [:]).status == .forbidden)
            }
            #expect(try await app.browser().get("/agenda/inscription/pasunvraijetonpasunvraijeton").status == .notFound)
            let list = try await setup.editor.get("/agenda/seances/\(setup.session)/inscrits")
            #expect(list.status == .ok && list.text.contains("ana@example.org"))
            // Attendance is marked once the session has begun.
            let early = try await setup.editor.submit("/agenda/seances/\(setup.session)/inscrits", [:])
            #expect(early.status == .conflict)
        }
    }

    @Test(
        "The report names places nearby and the next trainings on its points of attention; none outside the directory's départements"
    )
    func reportNearby() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let themes = app.services.questionnaire.themes.map { ("themes", $0.id) }
            let place = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }.first?.id)
            let start = ParisTime(unixTime: app.now() + 5 * 86_400)
            let created = try await setup.editor.submit(
                "/agenda/nouvelle",
                pairs: [
                    ("place", place), ("title", "Mots de passe : par où commencer"), ("kind", "formation"),
                    ("description", ""), ("location", ""),
                    ("online_url", ""),
                    ("start", String(format: "%04d-%02d-%02dT14:00", start.year, start.month, start.day)),
                    ("duration", "120"),
                    ("every", "0"), ("count", "1"), ("capacity", "10"),
                ] + themes)
            #expect(created.status == .seeOther, "\(created.text.prefix(600))")
            // A workshop linked only to catalogue needs: shown when the report's advice is about one of them.
            let needs = app.services.catalogue.needs.map { ("needs", $0.id) }
            let byNeed = try await setup.editor.submit(
                "/agenda/nouvelle",
                pairs: [
                    ("place", place), ("title", "Choisir ses outils en commun"), ("kind", "atelier"),
                    ("description", ""), ("location", ""),
                    ("online_url", ""),
                    ("start", String(format: "%04d-%02d-%02dT14:00", start.year, start.month, start.day)),
                    ("duration", "120"),
                    ("every", "0"), ("count", "1"), ("capacity", "10"),
                ] + needs)
            let byNeedPage = try await app.browser().get(try #require(byNeed.location)).text
            #expect(byNeedPage.contains("Besoins du catalogue"))
            for (departement, expected) in [("37", true), ("75", false)] {
                let visitor = app.browser()
                let started = try await visitor.submit("/diagnostic", [:])
                let id = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
                var answers = ReportSnapshotTests.personas[0].answers
                answers["departement"] = [departement]
                try await app.answer(visitor, id: id, answers)
                let report = try await visitor.get("/diagnostics/\(id)/rapport").text
                #expect(report.contains("Qui peut vous aider près de chez vous") == expected)
                #expect(report.contains("Espace numérique des Halles") == expected)
                #expect(report.contains("Mots de passe : par où commencer") == expected)
                #expect(report.contains("Choisir ses outils en commun") == expected)
                // The workshop created at set-up has no theme: it is not among the trainings on points of attention.
                #expect(!report.contains("Sauvegarder ses données"))
                guard expected else { continue }
                // Kept between views, and exact: a new training is in the next view, and a session
                // that has started is gone from it.
                let hits = app.services.nearby.statistics.hits
                #expect(try await visitor.get("/diagnostics/\(id)/rapport").text == report)
                #expect(app.services.nearby.statistics.hits == hits + 1)
                let added = try await setup.editor.submit(
                    "/agenda/nouvelle",
                    pairs: [
                        ("place", place), ("title", "Sauvegardes : trois copies"), ("kind", "formation"),
                        ("description", ""), ("location", ""), ("online_url", ""),
                        ("start", String(format: "%04d-%02d-%02dT16:00", start.year, start.month, start.day)),
                        ("duration", "60"), ("every", "0"), ("count", "1"), ("capacity", "10"),
                    ] + themes)
                #expect(added.status == .seeOther)
                #expect(try await visitor.get("/diagnostics/\(id)/rapport").text.contains("Sauvegardes : trois copies"))
                // 15:00 that day: the 14:00 session has started, the 16:00 one has not.
                let afternoon = try #require(
                    ParisTime(year: start.year, month: start.month, day: start.day, hour: 15, minute: 0))
                app.advance(afternoon.unixTime - app.now())
                let later = try await visitor.get("/diagnostics/\(id)/rapport").text
                #expect(!later.contains("Mots de passe : par où commencer"))
                #expect(later.contains("Sauvegardes : trois copies"))
            }
        }
    }
}
