import EclairageDomain
import Foundation
import Testing

@testable import EclairageWeb

/// Issue 22, journey 1 as one person's way through the site: both halves (the directory, then the
/// calendar) walked by the same account with links and forms only, pages counted together.
@Suite("Journey: a network coordinator")
struct CoordinatorJourneyTests {
    @Test(
        "Journey 1 whole: made editor by the administrator, she imports the national file from the directory's page, reads the preview, applies, checks the list, a place, the map and the exports, publishes a weekly workshop of 3 seats at a place picked by name and marks attendance: pages counted together"
    )
    func coordinator() async throws {
        try await withApp { app in
            let admin = try await DirectoryWebTests.admin(app)
            // The administrator's only help: the role.
            let browser = try await DirectoryPeopleTests.editor(app, admin: admin)
            let day = try await Journey(browser, start: "/annuaire")
            // The directory's page holds the upload form for editors.
            // The upload form sends the file; the request waits for the job to read it, so she lands on the
            // preview; applying waits the same way and lands on the outcome.
            #expect(day.page.raw.contains(#"enctype="multipart/form-data""#))
            let staged = try await browser.upload(
                "/admin/annuaire", field: "fichier", fileName: "lieux.csv", contents: DirectoryWebTests.sample)
            #expect(staged.status == .seeOther)
            try await day.open(try #require(staged.location))
            #expect(day.page.text.contains("Le fichier est vérifié"))
            #expect(day.page.text.contains("Nouveaux lieux : <strong>10</strong>"))
            #expect(day.page.text.contains("Lignes refusées, laissées de côté : <strong>6</strong>"))
            let applied = try await day.send([], action: "/appliquer")
            #expect(applied.status == .seeOther)
            #expect(day.page.text.contains("Lignes appliquées</dt><dd>10</dd>"))
            // The list, a place, the map; the exports are files, downloaded from the list.
            try await day.follow("Annuaire")
            #expect(day.page.text.contains("Lieux <span class=\"muted\">(10)"))
            for export in ["CSV", "JSON", "GeoJSON"] {
                let link = try #require(
                    day.page.raw.firstMatch(of: try Regex(#"<a href="([^"]+)">\#(export)</a>"#))?.output[1]
                        .substring)
                let file = try await browser.get(Journey.decodeEntities(String(link)))
                #expect(file.status == .ok && file.raw.contains("Espace numérique des Halles"), "\(export)")
            }
            // The map, from the list; then, back on the list, the place, where she organises a workshop.
            let list = day.page.raw
            try await day.open(
                Journey.decodeEntities(
                    String(try #require(list.firstMatch(of: /<a href="([^"]+)">Voir sur la carte<\/a>/)).output.1)))
            #expect(day.page.raw.contains("<svg"))
            // A map people recognise: the départements' outlines and their main towns' names, no tile server.
            #expect(day.page.raw.contains(#"<path class="map-dep""#))
            #expect(
                day.page.raw.contains(#"class="map-town">Tours</text>"#)
                    && day.page.raw.contains(#"class="map-town">Blois</text>"#))
            try await day.open(
                Journey.decodeEntities(
                    String(
                        try #require(list.firstMatch(of: /<a href="([^"]+)">Espace numérique des Halles<\/a>/)).output.1
                    )))
            #expect(day.page.text.contains("14 RUE DES HALLES") || day.page.text.contains("14 rue des Halles"))
            // A weekly workshop of three seats at this place, named on the form (the place picked by its page
            // here; the agenda's own form picks it by name, see CalendarOrganiserTests), starting in a week.
            try await day.follow("Organiser une formation ou un atelier ici")
            #expect(day.page.text.contains("Organisé par : <strong>Espace numérique des Halles</strong>"))
            let published = try await day.send([
                ("title", "Premiers pas sur la tablette"),
                ("kind", "atelier"), ("start", CalendarOrganiserTests.local(app, days: 7)), ("duration", "120"),
                ("every", "7"), ("count", "4"), ("capacity", "3"),
            ])
            #expect(published.status == .seeOther, "\(day.trail)")
            #expect(day.page.text.contains("L&#39;atelier est publié dans l&#39;agenda."))
            #expect(day.page.text.contains("3 places libres sur 3."))
            let training = try CalendarOrganiserTests.trainingID(published)
            let sessions = try await CalendarOrganiserTests.sessions(app, training)
            #expect(sessions.count == 4 && sessions.allSatisfy { $0.capacity == 3 })
            _ = try await CalendarWebTests.register(app, sessions[0].id, "Ana")
            _ = try await CalendarWebTests.register(app, sessions[0].id, "Bob")
            // The day of the first session: she comes back, signs in, and marks who came.
            app.advance(7 * 86_400 + 600)
            let session = try await Journey(browser, start: "/connexion")
            try await session.send([("email", "nadia@example.org"), ("password", "lampe tulipe orage cheval")])
            // Signing in lands on her page, which lists the sessions she organises with their sign-in lists.
            #expect(session.page.text.contains("Les prochaines séances que j&#39;organise"))
            #expect(session.page.text.contains("Premiers pas sur la tablette, "))
            try await session.follow("inscrit·es et présences")
            let ana = try #require(
                session.page.raw.firstMatch(
                    of: /<td>Ana<\/td><td>[^<]*<\/td><td><input type="checkbox" name="present" value="([a-z0-9]+)"/)
            ).output.1
            let marked = try await session.send([("present", String(ana))], action: "/inscrits")
            #expect(marked.status == .seeOther)
            let rows = try await app.services.database.read {
                try await RegistrationQueries.all(of: sessions[0].id, in: $0)
            }
            #expect(rows.map { "\($0.name) \($0.attended ?? -1)" } == ["Ana 1", "Bob 0"])
            let pages = day.pages + session.pages
            print(
                "JOURNEY-1 pages=\(pages) (first day \(day.pages), session day \(session.pages))"
                    + " refused=\(day.refusedSubmits + session.refusedSubmits)")
            print("JOURNEY-1 trail: \((day.trail + session.trail).joined(separator: " → "))")
            #expect(day.refusedSubmits + session.refusedSubmits == 0)
            // Issue 22's target: 12 pages at most.
            #expect(pages <= 12, "\(day.trail + session.trail)")
        }
    }
}
