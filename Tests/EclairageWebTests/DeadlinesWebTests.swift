import EclairageDomain
import Foundation
import Testing

@testable import EclairageWeb

/// The association's deadlines, derived from what it recorded: a renewal from the inventory, new
/// officers to declare three months after a handover began, the yearly declaration of tax receipts
/// when the register speaks of them, the register's yearly review; reminders 30 and 7 days ahead to
/// the owners, once each, and none once the declaration is ticked.
@Suite("Deadlines: the association's legal and practical calendar")
struct DeadlinesWebTests {
    @Test("Legal dates: tax receipts the second working day after 1 May; months added to the month's end")
    func dates() {
        #expect(Deadlines.taxReceiptsDue(year: 2024).iso == "2024-05-03")
        #expect(Deadlines.taxReceiptsDue(year: 2026).iso == "2026-05-05")
        #expect(Deadlines.taxReceiptsDue(year: 2027).iso == "2027-05-04")
        #expect(Deadlines.addingMonths(1, to: Day(iso: "2027-01-31")!).iso == "2027-02-28")
        #expect(Deadlines.addingMonths(3, to: Day(iso: "2026-11-30")!).iso == "2027-02-28")
        #expect(Deadlines.addingMonths(12, to: Day(iso: "2028-02-29")!).iso == "2029-02-28")
        #expect(ProcessingActivity.speaksOfTaxReceipts("établir les REÇUS FISCAUX"))
        #expect(!ProcessingActivity.speaksOfTaxReceipts("Gestion des adhérent·es"))
    }

    @Test("The page lists each deadline with where to act; reminders reach the owners once, and stop when done")
    func calendarAndReminders() async throws {
        try await withApp { app in
            let club = try await InventoryWebTests.club(app)
            let today = DateFormatting.parisDay(app.now())
            let expires = Day(number: today.number + 40).iso
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau", ["kind": "domain", "name": "chorale.fr", "expires_on": expires])
            let donors = try #require(app.services.registerTemplates.first { $0.id == "donateurs" }).fields
            _ = try await club.alice.submit(
                pairs: donors.sorted { $0.key < $1.key }, to: club.base + "/registre/nouveau")
            _ = try await club.alice.submit(
                club.base + "/passation", ["leaving": "Paul Martin, trésorier", "incoming": "Inès Durand, trésorière"])
            let page = try await club.bob.get(club.base + "/echeances")
            #expect(page.status == .ok)
            let words = page.words
            #expect(words.contains("Renouveler « chorale.fr »"))
            #expect(words.contains("dans 40 jours"))
            #expect(words.contains("Déclarer les nouveaux·elles dirigeant·es au greffe"))
            #expect(words.contains("Déclarer aux impôts le montant des dons"))
            #expect(words.contains("Relire le registre des traitements"))
            let declaration = Deadlines.addingMonths(3, to: today)
            #expect(words.contains(DateFormatting.day(iso: declaration.iso, language: .fr).plain))
            #expect(page.text.contains("/associations/\(club.association)/passation"))
            // Thirty days before the declaration: one mail to the owner, not repeated by the next run.
            app.advance(Int64(declaration - today - 30) * 86_400)
            _ = try await app.services.scheduler.runDue()
            _ = try await app.services.scheduler.runDue()
            let first = try await app.mails().filter { $0.subject.plain.contains("Déclarer les nouveaux·elles") }
            #expect(first.map(\.to) == ["alice@example.org"])
            #expect(first.first?.subject.plain.hasPrefix("Échéance dans 30 jours") == true)
            // The declaration ticked in the handover: no reminder a week before.
            let handover = try #require(
                try await app.services.database.read { try await HandoverQueries.all(of: club.association, in: $0) }
                    .first)
            let items = try await app.services.database.read {
                try await HandoverQueries.items(of: handover.id, in: $0)
            }
            let declare = try #require(items.first { $0.action == "declare" })
            // A month later, Alice signs in again (her session has ended) and ticks it.
            let alice = app.browser()
            _ = try await alice.submit(
                "/connexion", ["email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            let ticked = try await alice.submit(
                club.base + "/passation/\(handover.id)/\(declare.position)", ["done": "1"])
            #expect(ticked.status == .seeOther)
            app.advance(23 * 86_400)
            _ = try await app.services.scheduler.runDue()
            let after = try await app.mails().filter { $0.subject.plain.contains("Déclarer les nouveaux·elles") }
            #expect(after.count == 1)
            #expect(!(try await club.bob.get(club.base + "/echeances")).words.contains("Déclarer les nouveaux·elles"))
        }
    }
}
