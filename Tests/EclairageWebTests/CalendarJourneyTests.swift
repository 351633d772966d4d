import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Issue 22's journeys, the calendar's part, as whole exchanges: pages opened are counted.
@Suite("Calendar: journeys")
struct CalendarJourneyTests {
    typealias C = CalendarWebTests

    /// The links of the mails sent to `email`, in order.
    static func links(_ app: TestApp, to email: String) async throws -> [String] {
        try await app.mails().filter { $0.to == email }.flatMap { mail in
            mail.body.matches(of: /\/agenda\/inscription\/([a-z0-9]+)/).map { String($0.1) }
        }
    }

    /// A new visit: the account signs in (a week later, the earlier session is over).
    static func signIn(_ app: TestApp, _ email: String) async throws -> Browser {
        let browser = app.browser()
        let page = try await browser.submit("/connexion", ["email": email, "password": "lampe tulipe orage cheval"])
        #expect(page.status == .seeOther)
        return browser
    }

    @Test(
        "Journey 3: five people for three seats, two of them through a desk; one cancels by the mail's link; the first waiting gets the seat"
    )
    func journey3() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app, capacity: 3)
            let place = try await CalendarOrganiserTests.place(app)
            // The place's desk: an account the editor links to the place.
            let desk = try await app.signedUpBrowser(name: "Accueil des Halles", email: "accueil@example.org")
            _ = try await setup.editor.submit(
                "/annuaire/lieux/\(place)/gestionnaires", ["email": "accueil@example.org"])
            // Ana registers herself: the agenda, the training, the form (two pages, one submit).
            let visitor = app.browser(from: "198.51.100.7")
            var pages = 0
            let agenda = try await visitor.get("/agenda")
            pages += 1
            let link = try #require(agenda.text.firstMatch(of: /href="(\/agenda\/formations\/[a-z0-9]+)"/)).1
            let training = try await visitor.get(String(link))
            pages += 1
            #expect(training.text.contains("3 places libres sur 3."))
            let action = try #require(
                training.text.firstMatch(of: /action="(\/agenda\/seances\/[a-z0-9]+\/inscription)"/)
            ).1
            let sent = try await visitor.submit(String(action), ["name": "Ana", "email": "ana@example.org"])
            #expect(sent.status == .seeOther && pages <= 2)
            #expect(try await visitor.get(try #require(sent.location)).text.contains("Vous êtes inscrit·e"))
            // The desk registers two people who came to ask, from the place's shared connection.
            for name in ["Bob", "Cleo"] {
                let page = try await desk.submit(
                    String(action), ["name": name, "email": "\(name.lowercased())@example.org"])
                #expect(page.status == .seeOther)
                #expect(
                    try await desk.get(try #require(page.location)).text.contains("L&#39;inscription est enregistrée"))
            }
            // Dan and Eve come too late: the waiting list.
            for name in ["Dan", "Eve"] {
                let page = try await app.browser().submit(
                    String(action), ["name": name, "email": "\(name.lowercased())@example.org"])
                #expect(page.status == .seeOther)
            }
            let full = try await app.browser().get(String(link)).text
            #expect(full.contains("(2 personnes déjà en attente)"))
            let mails = try await app.mails()
            #expect(
                mails.filter { $0.subject.plain == "Inscription confirmée : Sauvegarder ses données" }.map(\.to)
                    .sorted()
                    == ["ana@example.org", "bob@example.org", "cleo@example.org"])
            let waitingMail = try #require(mails.first { $0.to == "dan@example.org" })
            #expect(waitingMail.body.contains("Vous êtes en position 1 sur la liste d'attente"))
            // Bob cancels by the link of his mail: a confirmation for him, the seat offered to Dan.
            let bob = try #require(try await Self.links(app, to: "bob@example.org").last)
            #expect(try await app.browser().get("/agenda/inscription/\(bob)").text.contains("Annuler mon inscription"))
            _ = try await app.browser().submit("/agenda/inscription/\(bob)", ["action": "cancel"])
            let bobMail = try #require(
                try await C.mail(app, to: "Bob", "Inscription annulée : Sauvegarder ses données"))
            #expect(bobMail.attachment?.content.contains("METHOD:CANCEL") == true)
            let offer = try #require(
                try await C.mail(app, to: "Dan", "Une place s'est libérée : Sauvegarder ses données"))
            let dan = String(try #require(offer.body.firstMatch(of: /\/agenda\/inscription\/([a-z0-9]+)/)).1)
            #expect(
                try await app.browser().submit("/agenda/inscription/\(dan)", ["action": "accept"]).status == .seeOther)
            let accepted = try #require(
                try await C.mail(app, to: "Dan", "Inscription confirmée : Sauvegarder ses données"))
            #expect(accepted.attachment?.content.contains("METHOD:REQUEST") == true)
            let statuses = try await app.services.database.read {
                try await RegistrationQueries.all(of: setup.session, in: $0)
            }.map { "\($0.name) \($0.status)" }
            #expect(statuses == ["Ana confirmed", "Bob cancelled", "Cleo confirmed", "Dan confirmed", "Eve waiting"])
            // The desk sees who comes, as the editors do, from the page it lands on after signing in; an account
            // that organises nothing there has no such list.
            let deskHome = try await desk.get("/associations").text
            #expect(deskHome.contains("Les prochaines séances que j&#39;organise"))
            #expect(
                deskHome.contains(#"<a href="/agenda/seances/\#(setup.session)/inscrits">inscrit·es et présences</a>"#))
            #expect(try await desk.get("/agenda/seances/\(setup.session)/inscrits").text.contains("dan@example.org"))
            let stranger = try await app.signedUpBrowser(name: "Zoé", email: "zoe@example.org")
            let strangerHome = try await stranger.get("/associations").text
            #expect(!strangerHome.contains("que j&#39;organise") && !strangerHome.contains("/inscrits"))
        }
    }

    @Test("Journey 1, the calendar's half: a weekly workshop of three seats at a place picked by name, then attendance")
    func journey1Calendar() async throws {
        try await withApp { app in
            let setup = try await C.setUp(app)
            var editor = setup.editor
            var pages = 0
            let agenda = try await editor.get("/agenda")
            pages += 1
            #expect(agenda.text.contains(#"href="/agenda/nouvelle""#))
            let form = try await editor.get("/agenda/nouvelle")
            pages += 1
            #expect(form.text.contains("Espace numérique des Halles — Tours"))
            let created = try await editor.submit(
                "/agenda/nouvelle",
                CalendarOrganiserTests.newTraining(
                    app, ["place_name": "Espace numérique des Halles — Tours"], every: "7", count: "3"))
            #expect(created.status == .seeOther)
            let page = try await editor.get(try #require(created.location))
            pages += 1
            #expect(page.text.contains("L&#39;atelier est publié dans l&#39;agenda."))
            #expect(
                page.text.contains("3 places libres sur 3.") && page.text.contains("mardi 24 novembre 2026 à 10 h 00"))
            let training = try CalendarOrganiserTests.trainingID(created)
            let sessions = try await CalendarOrganiserTests.sessions(app, training)
            #expect(sessions.count == 3 && sessions.allSatisfy { $0.capacity == 3 })
            _ = try await C.register(app, sessions[0].id, "Ana")
            _ = try await C.register(app, sessions[0].id, "Bob")
            app.advance(7 * 86_400 + 600)
            editor = try await Self.signIn(app, "edi@example.org")  // a week later, a new session
            let registrants = try await editor.get("/agenda/seances/\(sessions[0].id)/inscrits")
            pages += 1
            let ana = try #require(
                try await app.services.database.read { try await RegistrationQueries.all(of: sessions[0].id, in: $0) }
                    .first { $0.name == "Ana" }?.id)
            #expect(registrants.text.contains(#"value="\#(ana)""#))
            let marked = try await editor.submit("/agenda/seances/\(sessions[0].id)/inscrits", ["present": ana])
            #expect(marked.status == .seeOther)
            _ = try await editor.submit("/agenda/seances/\(sessions[0].id)/sur-place", ["name": "Zoé", "email": ""])
            let after = try await editor.get("/agenda/seances/\(sessions[0].id)/inscrits")
            pages += 1
            #expect(after.text.contains("Zoé"))
            let rows = try await app.services.database.read {
                try await RegistrationQueries.all(of: sessions[0].id, in: $0)
            }
            #expect(rows.map { "\($0.name) \($0.attended ?? -1)" } == ["Ana 1", "Bob 0", "Zoé 1"])
            #expect(pages <= 5)
        }
    }
}
