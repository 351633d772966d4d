import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Moderation never undoes what it accepted: a pending edit is checked against the listing as it is
/// now, restoring closes what waits, an edit link works once and only while the listing shows its
/// address, and registration links are stored hashed.
@Suite("Moderation integrity: edits against the current listing, restore, single-use links, hashed registration links")
struct ModerationIntegrityTests {
    static let owner = "accueil@espace-halles.example.org"

    /// Asks for an edit link from the place's page and returns the path the mail carries.
    static func link(_ app: TestApp, _ place: String) async throws -> String {
        // Messages of the same second leave in any order: the new link is the one not seen before.
        let before = Set(try await app.mails().filter { $0.to == owner }.compactMap { $0.link("/annuaire/modifier/") })
        #expect(try await app.browser().submit("/annuaire/lieux/\(place)/lien", [:]).status == .seeOther)
        let links = Set(try await app.mails().filter { $0.to == owner }.compactMap { $0.link("/annuaire/modifier/") })
        #expect(links.count == before.count + 1)
        return try #require(links.subtracting(before).first)
    }

    static func listing(_ app: TestApp, _ place: String) async throws -> Place {
        try #require(try await app.services.database.read { try await DirectoryQueries.find(id: place, in: $0) }).place
    }

    /// Submits the listing's edit form through `path`, as currently shown, with `change` applied.
    static func edit(_ app: TestApp, _ place: String, _ path: String, _ change: (inout PlaceFormBody) -> Void)
        async throws
        -> Browser.Page
    {
        var fields = PlaceFormBody(place: try await listing(app, place))
        change(&fields)
        let pairs =
            fields.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + fields.lists.flatMap { name, values in values.map { (name, $0) } }
        return try await app.browser().submit(path, pairs: pairs)
    }

    static func pending(_ app: TestApp) async throws -> [DirectoryQueries.ChangeRow] {
        try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }
    }

    @Test(
        "An older edit accepted after a newer one keeps the newer change; a conflicting one is refused and changes nothing"
    )
    func olderAfterNewer() async throws {
        try await withApp { app in
            let (editor, halles) = try await ContributionWebTests.setUp(app)
            let original = try await Self.listing(app, halles)
            let (first, second) = (try await Self.link(app, halles), try await Self.link(app, halles))
            // Older: the hours. Newer: the phone. Both made on the same listing.
            #expect(
                try await Self.edit(app, halles, first) { $0.hours = "Mo-Fr 09:00-12:00" }.status
                    == .seeOther)
            app.advance(60)
            #expect(
                try await Self.edit(app, halles, second) { $0.phone = "02 47 99 88 77" }.status
                    == .seeOther)
            let (older, newer) = try await { () async throws -> (String, String) in
                let changes = try await Self.pending(app)
                try #require(changes.count == 2)
                return (changes[0].id, changes[1].id)
            }()
            #expect(
                try await editor.submit("/annuaire/moderation/\(newer)", ["decision": "accepter"]).status == .seeOther)
            #expect(try await Self.listing(app, halles).phone == "+33247998877")
            // The queue shows what accepting the older edit would change now: the hours only.
            let queue = try await editor.get("/annuaire/moderation").text
            #expect(queue.contains("Mo-Fr 09:00-12:00"))
            #expect(!queue.contains("+33247998877") && !queue.contains("Conflit"))
            #expect(
                try await editor.submit("/annuaire/moderation/\(older)", ["decision": "accepter"]).status == .seeOther)
            let both = try await Self.listing(app, halles)
            #expect(both.phone == "+33247998877" && both.openingHours == "Mo-Fr 09:00-12:00")
            #expect(both.name == original.name)

            // Two edits of the same field from the same state: the second is a conflict. (An hour later:
            // the listing's address receives three links an hour at most.)
            app.advance(3600)
            let (third, fourth) = (try await Self.link(app, halles), try await Self.link(app, halles))
            let thirdSent = try await Self.edit(app, halles, third) { $0.hours = "Tu 10:00-12:00" }
            #expect(thirdSent.status == .seeOther, "\(thirdSent.text.prefix(2000))")
            app.advance(60)
            let fourthSent = try await Self.edit(app, halles, fourth) { $0.hours = "We 10:00-12:00" }
            #expect(fourthSent.status == .seeOther, "\(fourthSent.text.prefix(2000))")
            let changes = try await Self.pending(app)
            try #require(changes.count == 2)
            _ = try await editor.submit("/annuaire/moderation/\(changes[0].id)", ["decision": "accepter"])
            #expect(
                try await editor.get("/annuaire/moderation").text.contains(
                    "Conflit : depuis cette modification, la fiche a changé autrement pour Horaires"))
            let refused = try await editor.submit("/annuaire/moderation/\(changes[1].id)", ["decision": "accepter"])
            #expect(refused.status == .seeOther)
            #expect(
                try await editor.get(try #require(refused.location)).text.contains(
                    "Cette modification n&#39;a pas été appliquée : depuis qu&#39;elle a été faite, quelqu&#39;un d&#39;autre a changé des champs qu&#39;elle modifie."
                ))
            #expect(try await Self.listing(app, halles).openingHours == "Tu 10:00-12:00")
            #expect(try await Self.pending(app).map(\.id) == [changes[1].id])
        }
    }

    @Test("Restoring an earlier state closes what is pending for the listing; a pending change cannot be restored")
    func restoreClosesPending() async throws {
        try await withApp { app in
            let (editor, halles) = try await ContributionWebTests.setUp(app)
            let original = try await Self.listing(app, halles)
            let (first, second) = (try await Self.link(app, halles), try await Self.link(app, halles))
            _ = try await Self.edit(app, halles, first) { $0.hours = "Mo-Fr 09:00-12:00" }
            let accepted = try #require(try await Self.pending(app).first?.id)
            _ = try await editor.submit("/annuaire/moderation/\(accepted)", ["decision": "accepter"])
            _ = try await Self.edit(app, halles, second) { $0.phone = "02 47 99 88 77" }
            let waiting = try #require(try await Self.pending(app).first?.id)
            // Restoring "before" a change still pending is no restoration at all.
            #expect(try await editor.submit("/annuaire/historique/\(waiting)/retablir", [:]).status == .notFound)
            #expect(try await Self.listing(app, halles) != original)
            #expect(try await editor.submit("/annuaire/historique/\(accepted)/retablir", [:]).status == .seeOther)
            #expect(try await Self.listing(app, halles).openingHours == original.openingHours)
            #expect(try await Self.pending(app).isEmpty)
            let closed = try #require(
                try await app.services.database.read { try await DirectoryQueries.change(waiting, in: $0) })
            #expect(closed.status == DirectoryQueries.ChangeRow.refused && closed.reason == "restored")
            #expect(
                try await editor.get("/annuaire/lieux/\(halles)/historique").text.contains(
                    "close : un état antérieur de la fiche a été rétabli"))
            #expect(
                try await editor.submit("/annuaire/moderation/\(waiting)", ["decision": "accepter"]).status == .notFound
            )
            #expect(try await Self.listing(app, halles).phone == original.phone)
        }
    }

    @Test("An edit link works once, and dies when the listing's address changes")
    func singleUseLinks() async throws {
        try await withApp { app in
            let (_, halles) = try await ContributionWebTests.setUp(app)
            let path = try await Self.link(app, halles)
            #expect(
                try await Self.edit(app, halles, path) { $0.hours = "Mo-Fr 09:00-12:00" }.status
                    == .seeOther)
            #expect(try await app.browser().get(path).status == .notFound)
            #expect(
                try await Self.edit(app, halles, path) { $0.hours = "Sa 09:00-12:00" }.status == .notFound)
            #expect(try await Self.pending(app).count == 1)

            let unused = try await Self.link(app, halles)
            #expect(try await app.browser().get(unused).status == .ok)
            var moved = try await Self.listing(app, halles)
            moved.emails = ["nouvelle-adresse@espace-halles.example.org"]
            let (now, place) = (app.now(), moved)
            try await app.services.database.transaction {
                try await Contributions.apply(place, to: halles, now: now, in: $0)
            }
            #expect(try await app.browser().get(unused).status == .notFound)
            #expect(
                try await Self.edit(app, halles, unused) { $0.hours = "Sa 09:00-12:00" }.status
                    == .notFound)
        }
    }

    @Test("A registration's link is stored hashed; the link in a later mail works")
    func hashedRegistrationLinks() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app, capacity: 5)
            _ = try await CalendarWebTests.register(app, setup.session, "Ana")
            let first = try await CalendarWebTests.token(app, "Ana")
            let row = try #require(
                try await app.services.database.read { try await RegistrationQueries.all(of: setup.session, in: $0) }
                    .first)
            #expect(row.tokenHash == TokenHash.of(first) && row.tokenHash != first)
            #expect(try await app.browser().get("/agenda/inscription/\(first)").status == .ok)
            // A material change mails Ana a new link, issued for that mail.
            _ = try await setup.editor.submit(
                "/agenda/formations/\(setup.training)/modifier",
                [
                    "title": "Sauvegarder ses données", "kind": "atelier", "description": "Où sont vos fichiers ?",
                    "location": "Salle 2", "capacity": "5",
                    "online_url": "",
                ])
            let later = try #require(
                try await app.mails().first {
                    $0.to == "ana@example.org" && $0.subject.plain == "Changement : Sauvegarder ses données"
                })
            let second = String(try #require(later.body.firstMatch(of: /\/agenda\/inscription\/([a-z0-9]+)/)).1)
            #expect(second != first)
            let stored = try #require(
                try await app.services.database.read { try await RegistrationQueries.all(of: setup.session, in: $0) }
                    .first)
            #expect(stored.tokenHash == TokenHash.of(second))
            let cancelled = try await app.browser().submit("/agenda/inscription/\(second)", ["action": "cancel"])
            #expect(cancelled.status == .seeOther && cancelled.location == "/agenda/inscription/\(second)")
            #expect(
                try await app.services.database.read { try await RegistrationQueries.find(id: row.id, in: $0) }?.status
                    == RegistrationRow.cancelled)
        }
    }

    @Test("Links stored in clear before the migration are hashed by the job and keep working")
    func clearLinksHashed() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app, capacity: 5)
            _ = try await CalendarWebTests.register(app, setup.session, "Ana")
            let row = try #require(
                try await app.services.database.read { try await RegistrationQueries.all(of: setup.session, in: $0) }
                    .first)
            let clear = "abcdefghijklmnopqrstuvwxyz"
            try await app.services.database.write {
                try await RegistrationQueries.setTokenHash(clear, of: row.id, in: $0)
            }
            try await WaitingListJob.hashClearLinks(app.services.database)
            let stored = try #require(
                try await app.services.database.read { try await RegistrationQueries.find(id: row.id, in: $0) })
            #expect(stored.tokenHash == TokenHash.of(clear))
            #expect(try await app.browser().get("/agenda/inscription/\(clear)").status == .ok)
        }
    }
}
