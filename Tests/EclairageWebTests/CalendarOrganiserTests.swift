import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The organisers' tools (issue 22 items 3, 4, 8, 9): the place chosen by name, a form that keeps what
/// was typed, moving and cancelling a session with the registrants told, exports, walk-ins, a place's
/// managers, a desk registering others, and feeds that say the truth about their organiser and time.
@Suite("Calendar: organisers' tools")
struct CalendarOrganiserTests {
    typealias C = CalendarWebTests

    /// "2026-11-27T10:00" for `days` days from the test clock's now.
    static func local(_ app: TestApp, days: Int, at time: String = "10:00") -> String {
        let start = ParisTime(unixTime: app.now() + Int64(days) * 86_400)
        return String(format: "%04d-%02d-%02dT", start.year, start.month, start.day) + time
    }

    static func newTraining(_ app: TestApp, _ place: [String: String], every: String = "0", count: String = "1")
        -> [String: String]
    {
        [
            "title": "Premiers pas sur la tablette", "kind": "atelier", "description": "", "location": "",
            "online_url": "", "start": local(app, days: 7), "duration": "120", "every": every, "count": count,
            "capacity": "3",
        ].merging(place) { $1 }
    }

    /// "20261117T090000Z", as DTSTAMP writes an instant.
    static func utc(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func sessions(_ app: TestApp, _ training: String) async throws -> [SessionRow] {
        try await app.services.database.read { try await CalendarQueries.sessions(of: training, in: $0) }
    }

    static func trainingID(_ page: Browser.Page) throws -> String {
        String(try #require(page.location).split(separator: "/").last ?? "")
    }

    @Test(
        "A weekly cycle keeps 'Répétition', the count and the place typed after a form error; the place is picked by name"
    )
    func formKeepsEverything() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app)
            let form = try await setup.editor.get("/agenda/nouvelle")
            // No internal id to type: the places by name, in a list the browser completes from.
            #expect(form.text.contains(#"<datalist id="places">"#))
            #expect(form.text.contains(#"<option value="Espace numérique des Halles — Tours">"#))
            #expect(!form.text.contains("identifiant du lieu"))
            var fields = Self.newTraining(
                app, ["place_name": "Espace numérique des Halles — Tours"], every: "7", count: "4")
            fields["title"] = ""
            let refused = try await setup.editor.submit("/agenda/nouvelle", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"<option value="7" selected>Chaque semaine</option>"#))
            #expect(!refused.text.contains(#"<option value="0" selected>"#))
            #expect(refused.text.contains(#"id="count" name="count" inputmode="numeric" value="4""#))
            #expect(
                refused.text.contains(
                    #"name="place_name" list="places" autocomplete="off" value="Espace numérique des Halles — Tours""#))
            // Sent again as it came back, with a title: four weekly sessions.
            fields["title"] = "Premiers pas sur la tablette"
            let created = try await setup.editor.submit("/agenda/nouvelle", fields)
            #expect(created.status == .seeOther, "\(created.text.prefix(400))")
            let sessions = try await Self.sessions(app, try Self.trainingID(created))
            #expect(sessions.count == 4)
            #expect(zip(sessions, sessions.dropFirst()).allSatisfy { $1.startsAt - $0.startsAt == 7 * 86_400 })
            // A name several places share asks which; a name no place has says so.
            fields["place_name"] = "Tours"
            let several = try await setup.editor.submit("/agenda/nouvelle", fields)
            #expect(several.status == .unprocessableContent)
            #expect(several.text.contains("Plusieurs lieux correspondent : choisissez le bon dans la liste."))
            #expect(several.text.contains("Espace numérique des Halles — Tours</option>"))
            #expect(several.text.contains("Médiathèque du Parvis — Joué-lès-Tours</option>"))
            #expect(!several.text.contains("Fablab des Rives"))
            fields["place_name"] = "Lieu qui n'existe pas"
            let unknown = try await setup.editor.submit("/agenda/nouvelle", fields)
            #expect(unknown.text.contains("Ce lieu n&#39;est pas dans l&#39;annuaire."))
            // By name alone when one place has it.
            fields["place_name"] = "médiathèque du parvis"
            #expect(try await setup.editor.submit("/agenda/nouvelle", fields).status == .seeOther)
        }
    }

    @Test("Dates with the weekday and unbroken times, seats left in words in the list and on the page")
    func wording() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app, capacity: 1)
            // The test clock: Tuesday 17 November 2026; the session ten days later, Friday 27 at 10:00.
            let list = try await app.browser().get("/agenda")
            #expect(list.raw.contains("vendredi 27 novembre 2026 à 10\u{00A0}h\u{00A0}00"))
            #expect(list.text.contains("1 place libre"))
            _ = try await C.register(app, setup.session, "Ana")
            _ = try await C.register(app, setup.session, "Bob")
            #expect(try await app.browser().get("/agenda").text.contains("complet, liste d&#39;attente ouverte"))
            let page = try await app.browser().get("/agenda/formations/\(setup.training)").text
            #expect(page.contains("(1 personne déjà en attente)"))
            #expect(!page.contains("(s)"))
        }
    }

    @Test("A refused registration comes back in the form it was sent from, with what was typed")
    func refusedFormComesBack() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app)
            let fields = Self.newTraining(app, ["place": try await Self.place(app)], every: "7", count: "12")
            let training = try Self.trainingID(try await setup.editor.submit("/agenda/nouvelle", fields))
            let sessions = try await Self.sessions(app, training).map(\.id)
            let visitor = app.browser()
            let bad = try await visitor.submit(
                "/agenda/seances/\(sessions[1])/inscription", ["name": "Ana Lopes", "email": "ana@@example"])
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.text.contains(
                    #"id="s-\#(sessions[1])-email" name="email" type="email" autocomplete="email" value="ana@@example""#
                ))
            #expect(bad.text.contains(##"href="#s-\##(sessions[1])-email""##))
            #expect(
                bad.text.contains(
                    #"id="s-\#(sessions[0])-name" name="name" maxlength="100" autocomplete="name" value="""#))
            #expect(bad.text.components(separatedBy: "Ana Lopes").count == 2)
            // One address registers for ten sessions in an hour; the eleventh is refused, what was typed kept there.
            for id in sessions.prefix(10) {
                let page = try await visitor.submit(
                    "/agenda/seances/\(id)/inscription", ["name": "Ana Lopes", "email": "ana@example.org"])
                #expect(page.status == .seeOther)
            }
            let limited = try await visitor.submit(
                "/agenda/seances/\(sessions[10])/inscription", ["name": "Ana Lopes", "email": "ana@example.org"])
            #expect(limited.status == .tooManyRequests)
            #expect(
                limited.text.contains(
                    #"id="s-\#(sessions[10])-name" name="name" maxlength="100" autocomplete="name" value="Ana Lopes""#))
            #expect(limited.text.components(separatedBy: "value=\"Ana Lopes\"").count == 2)
        }
    }

    static func place(_ app: TestApp, _ external: String = "ecl-37-0001") async throws -> String {
        try #require(
            try await app.services.database.read { try await DirectoryQueries.byExternalIDs([external], in: $0) }
                .first?.id)
    }

    @Test("One registration for a whole cycle: a seat (or a place in the queue) in each session to come")
    func wholeCycle() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app)
            var fields = Self.newTraining(app, ["place": try await Self.place(app)], every: "7", count: "3")
            fields["capacity"] = "1"
            let training = try Self.trainingID(try await setup.editor.submit("/agenda/nouvelle", fields))
            let sessions = try await Self.sessions(app, training).map(\.id)
            // Bob already holds the second session's seat.
            _ = try await C.register(app, sessions[1], "Bob")
            let page = try await app.browser().get("/agenda/formations/\(training)")
            #expect(page.text.contains("3 séances à venir : une seule inscription pour toutes."))
            let bad = try await app.browser().submit(
                "/agenda/formations/\(training)/inscription", ["name": "Ana", "email": "pas une adresse"])
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.text.contains(
                    #"id="s-cycle-email" name="email" type="email" autocomplete="email" value="pas une adresse""#))
            let sent = try await app.browser().submit(
                "/agenda/formations/\(training)/inscription", ["name": "Ana", "email": "ana@example.org"])
            #expect(sent.status == .seeOther && sent.location == "/agenda/formations/\(training)")
            var statuses: [String] = []
            for id in sessions {
                let rows = try await app.services.database.read { try await RegistrationQueries.all(of: id, in: $0) }
                statuses.append(rows.filter { $0.name == "Ana" }.map(\.status).joined())
            }
            #expect(statuses == ["confirmed", "waiting", "confirmed"])
            let mails = try await app.mails().filter { $0.to == "ana@example.org" }
            #expect(mails.count == 3)
            // Sent again: nothing doubles.
            _ = try await app.browser().submit(
                "/agenda/formations/\(training)/inscription", ["name": "Ana", "email": "ana@example.org"])
            #expect(try await app.mails().filter { $0.to == "ana@example.org" }.count == 3)
        }
    }

    @Test("Moving a session tells its registrants the old and new date; same UID, higher SEQUENCE")
    func move() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app, capacity: 1)
            _ = try await C.register(app, setup.session, "Ana")
            _ = try await C.register(app, setup.session, "Bob")
            let target = Self.local(app, days: 12, at: "14:30")
            let moved = try await setup.editor.submit("/agenda/seances/\(setup.session)/deplacer", ["start": target])
            #expect(moved.status == .seeOther)
            #expect(moved.location == "/agenda/formations/\(setup.training)/modifier")
            let session = try #require(
                try await app.services.database.read { try await CalendarQueries.session(setup.session, in: $0) })
            #expect(session.sequence == 1 && session.endsAt - session.startsAt == 90 * 60)
            #expect(ParisTime(unixTime: session.startsAt).dateTimeLocal == target)
            let mail = try #require(try await C.mail(app, to: "Ana", "Changement : Sauvegarder ses données"))
            #expect(
                mail.body.plain.contains(
                    "Nouvelle date : dimanche 29 novembre 2026 à 14 h 30 (au lieu du vendredi 27 novembre 2026 à 10 h 00)"
                ))
            let ics = try #require(mail.attachment?.content)
            #expect(ics.contains("UID:seance-\(setup.session)@") && ics.contains("SEQUENCE:1\r\n"))
            #expect(ics.contains("DTSTART;TZID=Europe/Paris:20261129T143000"))
            // Bob, waiting, is told the new date without an invitation: he holds no seat in his calendar.
            let bob = try #require(try await C.mail(app, to: "Bob", "Changement : Sauvegarder ses données"))
            #expect(bob.body.plain.contains("Nouvelle date : dimanche 29 novembre 2026") && bob.attachment == nil)
            // A date in the past is refused, nothing moved.
            let past = try await setup.editor.submit(
                "/agenda/seances/\(setup.session)/deplacer", ["start": "2020-01-01T10:00"])
            #expect(past.status == .seeOther)
            #expect(
                try await app.services.database.read { try await CalendarQueries.session(setup.session, in: $0) }?
                    .sequence == 1)
        }
    }

    @Test("Cancelling a session is asked first, with how many people will be told")
    func cancelAsksFirst() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app, capacity: 1)
            _ = try await C.register(app, setup.session, "Ana")
            _ = try await C.register(app, setup.session, "Bob")
            let edit = try await setup.editor.get("/agenda/formations/\(setup.training)/modifier")
            #expect(
                edit.text.contains(#"<a href="/agenda/seances/\#(setup.session)/annuler">Annuler cette séance</a>"#))
            let ask = try await setup.editor.get("/agenda/seances/\(setup.session)/annuler")
            #expect(ask.status == .ok)
            #expect(ask.text.contains("2 personnes inscrites ou en attente seront prévenues par courriel"))
            #expect(
                try await app.services.database.read { try await CalendarQueries.session(setup.session, in: $0) }?
                    .cancelled == 0)
            #expect(try await setup.editor.submit("/agenda/seances/\(setup.session)/annuler", [:]).status == .seeOther)
            #expect(
                try await setup.editor.get("/agenda/seances/\(setup.session)/annuler").text.contains("déjà annulée"))
        }
    }

    @Test("A person who cancels gets a confirmation that takes the event out of their calendar (METHOD:CANCEL)")
    func personCancels() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app)
            _ = try await C.register(app, setup.session, "Ana")
            let token = try await C.token(app, "Ana")
            _ = try await app.browser().submit("/agenda/inscription/\(token)", ["action": "cancel"])
            let mail = try #require(try await C.mail(app, to: "Ana", "Inscription annulée : Sauvegarder ses données"))
            #expect(mail.body.plain.contains("est bien annulée"))
            let ics = try #require(mail.attachment)
            #expect(ics.contentType == "text/calendar; method=CANCEL; charset=UTF-8")
            #expect(ics.content.contains("METHOD:CANCEL\r\n") && ics.content.contains("STATUS:CANCELLED"))
            #expect(ics.content.contains("UID:seance-\(setup.session)@"))
            // Cancelling again sends nothing more.
            _ = try await app.browser().submit("/agenda/inscription/\(token)", ["action": "cancel"])
            #expect(try await app.mails().filter { $0.subject.plain.hasPrefix("Inscription annulée") }.count == 1)
        }
    }

    @Test("Feeds: ORGANIZER is mailto and the bare address, DTSTAMP the time served, LOCATION with the complement")
    func feedTruths() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app)
            _ = setup
            let first = try await app.browser().get("/agenda.ics").raw.replacingOccurrences(of: "\r\n ", with: "")
            #expect(first.contains("ORGANIZER;CN=Espace numérique des Halles:mailto:ne-pas-repondre@localhost\r\n"))
            #expect(first.contains("LOCATION:14 RUE DES HALLES\\, 1er étage\\, porte B\\, 37000 Tours\r\n"))
            #expect(first.contains("DTSTAMP:" + Self.utc(app.now()) + "\r\n"))
            app.advance(3600)
            let later = try await app.browser().get("/agenda.ics").raw
            #expect(later.contains("DTSTAMP:" + Self.utc(app.now()) + "\r\n"))
        }
    }

    @Test("Registrants as a spreadsheet and a sign-in sheet; walk-ins added present once the session has begun")
    func exportsAndWalkIns() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app, daysAhead: 1)
            _ = try await C.register(app, setup.session, "Ana")
            let csv = try await setup.editor.get(
                "/agenda/seances/\(setup.session)/inscrits.csv?separateur=point-virgule")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                csv.raw.contains(
                    "Nom;Adresse électronique;Inscription;Présent·e\r\nAna;ana@example.org;Inscription confirmée;\r\n"),
                "\(csv.raw)")
            let sheet = try await setup.editor.get("/agenda/seances/\(setup.session)/emargement")
            #expect(
                sheet.status == .ok && sheet.text.contains("Feuille d&#39;émargement")
                    && sheet.text.contains("<td>Ana</td>"))
            let early = try await setup.editor.submit(
                "/agenda/seances/\(setup.session)/sur-place", ["name": "Zoé", "email": ""])
            #expect(early.status == .conflict)
            app.advance(86_400 + 600)
            let editor = try await CalendarJourneyTests.signIn(app, "edi@example.org")
            let added = try await editor.submit(
                "/agenda/seances/\(setup.session)/sur-place", ["name": "Zoé", "email": ""])
            #expect(added.status == .seeOther)
            let page = try await editor.get(try #require(added.location))
            #expect(page.text.contains("La personne est ajoutée et notée présente."))
            let rows = try await app.services.database.read {
                try await RegistrationQueries.all(of: setup.session, in: $0)
            }
            #expect(rows.map { "\($0.name) \($0.attended ?? -1)" } == ["Ana -1", "Zoé 1"])
        }
    }

    @Test("A place's managers: linked by an editor or through the edit link; they organise there and nowhere else")
    func placeManagers() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app)
            _ = try await C.register(app, setup.session, "Ana")
            let halles = try await Self.place(app)
            let parvis = try await Self.place(app, "ecl-37-0002")
            let manager = try await app.signedUpBrowser(name: "Maëlle", email: "maelle@example.org")
            let outsider = try await app.signedUpBrowser(name: "Olga", email: "olga@example.org")
            // Before being linked: refused everywhere.
            for browser in [manager, outsider, app.browser()] {
                for path in [
                    "/agenda/nouvelle", "/agenda/seances/\(setup.session)/inscrits",
                    "/agenda/seances/\(setup.session)/inscrits.csv", "/agenda/seances/\(setup.session)/emargement",
                    "/agenda/seances/\(setup.session)/annuler", "/agenda/formations/\(setup.training)/modifier",
                ] {
                    #expect(try await browser.get(path).status == .forbidden, "\(path)")
                }
                for path in [
                    "/agenda/seances/\(setup.session)/sur-place", "/agenda/seances/\(setup.session)/deplacer",
                    "/agenda/seances/\(setup.session)/annuler", "/annuaire/lieux/\(halles)/gestionnaires",
                ] {
                    #expect(
                        try await browser.submit(path, ["name": "x", "email": "x@example.org"]).status == .forbidden,
                        "\(path)")
                }
            }
            // The editor links Maëlle from the place's page.
            let placePage = try await setup.editor.get("/annuaire/lieux/\(halles)")
            #expect(placePage.text.contains("Gestionnaires du lieu"))
            let unknown = try await setup.editor.submit(
                "/annuaire/lieux/\(halles)/gestionnaires", ["email": "personne@example.org"])
            #expect(unknown.status == .seeOther)
            #expect(
                try await setup.editor.get(try #require(unknown.location)).text.contains(
                    "Aucun compte n&#39;utilise cette adresse"))
            _ = try await setup.editor.submit(
                "/annuaire/lieux/\(halles)/gestionnaires", ["email": "Maelle@Example.org"])
            #expect(
                try await setup.editor.get("/annuaire/lieux/\(halles)").text.contains(
                    "Maëlle &lt;maelle@example.org&gt;"))
            // Maëlle now sees the registrants and organises at her place only (a list of her places, by name).
            let training = try await manager.get("/agenda/formations/\(setup.training)")
            #expect(training.text.contains("/agenda/seances/\(setup.session)/inscrits"))
            #expect(try await manager.get("/agenda/seances/\(setup.session)/inscrits").text.contains("ana@example.org"))
            let form = try await manager.get("/agenda/nouvelle")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"<option value="\#(halles)">Espace numérique des Halles — Tours</option>"#))
            #expect(!form.text.contains("Médiathèque du Parvis"))
            let created = try await manager.submit("/agenda/nouvelle", Self.newTraining(app, ["place": halles]))
            #expect(created.status == .seeOther)
            let elsewhere = try await manager.submit("/agenda/nouvelle", Self.newTraining(app, ["place": parvis]))
            #expect(elsewhere.status == .unprocessableContent)
            #expect(try await Self.sessions(app, try Self.trainingID(created)).count == 1)
            // Not a manager of the Parvis: a training there stays closed to her.
            let other = try Self.trainingID(
                try await setup.editor.submit("/agenda/nouvelle", Self.newTraining(app, ["place": parvis])))
            #expect(try await manager.get("/agenda/formations/\(other)/modifier").status == .forbidden)
            // Through the place's edit link (mailed to the listing's address), a signed-in account confirms.
            _ = try await app.browser().submit("/annuaire/lieux/\(parvis)/lien", [:])
            let link = try #require(
                try await app.mails().last { $0.to == "mediatheque@parvis-joue.example.org" }?.body
                    .firstMatch(of: /\/annuaire\/modifier\/([A-Za-z0-9_-]+)/))
            #expect(
                try await outsider.get("/annuaire/modifier/\(link.1)").text.contains(
                    "/annuaire/modifier/\(link.1)/gestionnaire"))
            let confirmed = try await outsider.submit("/annuaire/modifier/\(link.1)/gestionnaire", [:])
            #expect(confirmed.location == "/annuaire/lieux/\(parvis)")
            #expect(try await outsider.get("/agenda/formations/\(other)/modifier").status == .ok)
            #expect(try await outsider.get("/agenda/formations/\(setup.training)/modifier").status == .forbidden)
            #expect(
                try await app.browser().submit("/annuaire/modifier/\(link.1)/gestionnaire", [:]).status == .forbidden)
            // An editor removes a manager who left: her trainings stay, she no longer organises them.
            let maelle = try #require(
                try await app.services.database.read {
                    try await PlaceManagerQueries.managers(of: halles, in: $0)
                }.first { $0.email == "maelle@example.org" }?.userId)
            #expect(
                try await manager.submit("/annuaire/lieux/\(halles)/gestionnaires/retirer", ["user": maelle]).status
                    == .forbidden)
            let removed = try await setup.editor.submit(
                "/annuaire/lieux/\(halles)/gestionnaires/retirer", ["user": maelle])
            #expect(removed.location == "/annuaire/lieux/\(halles)")
            #expect(try await setup.editor.get(removed.location ?? "").text.contains("Le compte ne gère plus ce lieu"))
            #expect(try await manager.get("/agenda/seances/\(setup.session)/inscrits").status == .forbidden)
            #expect(try await Self.sessions(app, try Self.trainingID(created)).count == 1)
        }
    }
}
