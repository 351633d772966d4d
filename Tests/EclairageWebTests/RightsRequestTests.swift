import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The rights-requests log (issue 23, item 8): recorded by the association's members, a one-month
/// clock extendable by two months with reasons, reminders through the outbox, seen from the register.
@Suite("Rights requests: the one-month clock, reminders, access")
struct RightsRequestTests {
    @Test("One month from receipt, the month's last day when it has no such day; three months when extended")
    func dueDays() throws {
        let day = { (iso: String) in try #require(Day(iso: iso)) }
        #expect(RightsRequest.adding(months: 1, to: try day("2027-01-31")).iso == "2027-02-28")
        #expect(RightsRequest.adding(months: 1, to: try day("2028-01-31")).iso == "2028-02-29")
        #expect(RightsRequest.adding(months: 1, to: try day("2026-12-15")).iso == "2027-01-15")
        var request = RightsRequest(id: "x", kind: .access, receivedOn: try day("2026-11-30"), requester: "Zoé")
        #expect(request.dueOn.iso == "2026-12-30")
        request.extensionReasons = "Vingt ans d'archives papier à parcourir"
        #expect(request.dueOn.iso == "2027-02-28")
    }

    @Test(
        "A request is recorded (bad input refused in French, nothing typed lost), shown with its clock on its page and the register's, reminded a week before and on the due day once each, extended with reasons, then answered"
    )
    func clockAndReminders() async throws {
        try await withApp { app in
            let club = try await InventoryWebTests.club(app)
            let path = club.base + "/demandes-droits"
            let today = DateFormatting.parisDay(app.now())
            let refused = try await club.bob.submit(
                path, ["received_on": Day(number: today.number + 2).iso, "requester": "Zoé Martin, zoe@example.net"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Choisissez ce que demande la personne."))
            #expect(refused.text.contains("Cette date ne peut pas être dans le futur."))
            #expect(refused.text.contains(">Zoé Martin, zoe@example.net</textarea>"))
            let recorded = try await club.bob.submit(
                path,
                [
                    "kind": "access", "received_on": today.iso, "requester": "Zoé Martin, zoe@example.net",
                    "details": "Copie de tout ce qui la concerne", "identity_checked": "1",
                ])
            #expect(recorded.status == .seeOther && recorded.location == path)
            let due = DateFormatting.day(iso: "2026-12-17", language: .fr)
            let log = try await club.alice.get(path)
            #expect(log.text.contains("Accès, Zoé Martin, zoe@example.net"))
            #expect(log.text.contains("Réponse due le \(due), dans 30 jours."))
            #expect(
                try await club.alice.get(club.base + "/registre").text.contains(
                    "1 demande attend sa réponse ; la prochaine est due le \(due)."))
            func reminders(after days: Int64) async throws -> [MailMessage] {
                app.advance(days * 86_400)
                _ = try await app.services.scheduler.runDue()
                return try await app.mails().filter { $0.subject.plain.contains("la demande de Zoé Martin") }
            }
            #expect(try await reminders(after: 22).isEmpty)  // 8 days left
            let week = try await reminders(after: 1)
            #expect(week.map(\.to) == ["alice@example.org"])
            #expect(
                week.first?.subject.plain
                    == "Éclairage : la demande de Zoé Martin, zoe@example.net (Accès) attend sa réponse, due le \(due)")
            #expect(week.first?.body.contains("/associations/\(club.association)/demandes-droits/") == true)
            #expect(try await reminders(after: 1).count == 1)  // once
            #expect(try await reminders(after: 6).count == 2)  // the due day
            #expect(try await reminders(after: 1).count == 2)
            try await RegisterDetailTests.signIn(club.alice, "alice@example.org")
            #expect(try await club.alice.get(path).text.contains("En retard : la réponse était due le \(due)."))
            let request = try #require(
                try await app.services.database.read {
                    try await RightsRequestQueries.all(of: club.association, in: $0)
                }
                .first)
            let page = path + "/\(request.id)"
            let form = try await club.alice.get(page)
            #expect(form.text.contains(#"id="identity_checked" name="identity_checked" value="1" checked"#))
            let extended = try await club.alice.submit(
                page,
                RightsPage.values(of: request).merging(
                    ["extension_reasons": "Dossiers papier de dix ans à parcourir"]) { $1 })
            #expect(extended.status == .seeOther)
            let extendedDue = DateFormatting.day(iso: "2027-02-17", language: .fr)
            #expect(try await club.alice.get(path).text.contains("Délai prolongé : réponse due le \(extendedDue)"))
            let answeredDay = DateFormatting.parisDay(app.now()).iso
            let noOutcome = try await club.alice.submit(
                page, RightsPage.values(of: request).merging(["answered_on": answeredDay]) { $1 })
            #expect(noOutcome.status == .unprocessableContent)
            #expect(noOutcome.text.contains("Dites ce qui a été répondu ou fait."))
            let answered = try await club.alice.submit(
                page,
                RightsPage.values(of: request).merging(
                    ["answered_on": answeredDay, "outcome": "Copie envoyée par mail"]) { $1 })
            #expect(answered.status == .seeOther)
            #expect(try await club.alice.get(path).text.contains("Copie envoyée par mail"))
            #expect(!(try await club.alice.get(club.base + "/registre")).text.contains("attend sa réponse"))
            #expect(try await reminders(after: 60).count == 2)  // answered: no more reminders
        }
    }

    @Test(
        "Another association's members get a 404; an advisor reads only while the association shares, each read logged, and never writes"
    )
    func access() async throws {
        try await withApp { app in
            let club = try await InventoryWebTests.club(app)
            let path = club.base + "/demandes-droits"
            let today = DateFormatting.parisDay(app.now()).iso
            _ = try await club.alice.submit(
                path, ["kind": "erasure", "received_on": today, "requester": "Paul, ancien adhérent"])
            let request = try #require(
                try await app.services.database.read {
                    try await RightsRequestQueries.all(of: club.association, in: $0)
                }
                .first?.id)
            let dave = try await app.signedUpBrowser(name: "Dave", email: "dave@example.org")
            _ = try await dave.submit("/associations/nouvelle", ["name": "Autre club"])
            #expect(try await dave.get(path).status == .notFound)
            #expect(try await dave.get(path + "/\(request)").status == .notFound)
            #expect(
                try await dave.submit(path, ["kind": "access", "received_on": today, "requester": "x"]).status
                    == .notFound)
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await carol.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            _ = try await app.grant(club.alice, association: club.association, body: body)
            #expect(try await carol.get(path).status == .notFound)
            _ = try await club.alice.submit(club.base + "/inventaire-partage", ["share": "1"])
            let read = try await carol.get(path)
            #expect(read.status == .ok && read.text.contains("Effacement, Paul, ancien adhérent"))
            #expect(!read.text.contains("Noter une demande"))
            #expect(
                try await carol.submit(path, ["kind": "access", "received_on": today, "requester": "x"]).status
                    == .forbidden)
            #expect(
                try await carol.submit(
                    path + "/\(request)", ["kind": "erasure", "received_on": today, "requester": "x"]
                ).status == .forbidden)
            #expect(
                try await club.alice.get(club.base).text.contains(
                    "Carol (PAVA) a consulté les demandes d&#39;exercice des droits"))
            let stored = try await app.services.database.read {
                try await RightsRequestQueries.all(of: club.association, in: $0)
            }
            #expect(stored.count == 1 && stored.first?.requester == "Paul, ancien adhérent")
        }
    }
}
