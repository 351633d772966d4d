import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The breach log and drafts a DPO would accept (issue 23, item 8): art. 33's facts, reasons for not
/// notifying and for a late notification kept, advice and a letter that fit the kind of incident.
@Suite("Breach log: art. 33's facts, the reasons kept, advice and letter by kind")
struct BreachDetailTests {
    static func section(_ html: String, _ id: String) -> String {
        guard let start = html.range(of: #"id="\#(id)""#) else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test(
        "A lost phone gets a lost device's advice and a letter written for the members (not the log's text, no password change); a hacked mailbox gets its own"
    )
    func adviceAndLetterByKind() async throws {
        try await withApp { app in
            let club = try await InventoryWebTests.club(app)
            let now = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now())))
            let started = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now() - 7200)))
            let phone = try await club.alice.submit(
                club.base + "/violations",
                [
                    "started": started, "discovered": now, "found_how": "Paul s'en est aperçu en rentrant",
                    "kind": "lost-device", "cause": "Oubli dans le train", "risk": "high",
                    "nature": "Téléphone de Paul oublié dans le TER 12345, sans code de verrouillage",
                    "records": "Noms et téléphones des adhérent·es", "people": "Adhérent·es, 80",
                    "measures": "Appareil effacé à distance", "contact": "Alice, 06 12 34 56 78",
                    "people_told": "no",
                ])
            #expect(phone.status == .seeOther)
            let page = try await club.alice.get(phone.location ?? "")
            #expect(page.text.contains("Effacez l&#39;appareil à distance si c&#39;est possible"))
            #expect(!page.text.contains("Changez tout de suite le mot de passe du compte"))
            let letter = Self.section(page.text, "brouillon-personnes")
            #expect(letter.contains("a été perdu ou volé"), "\(letter)")
            #expect(letter.contains("Noms et téléphones des adhérent·es"))
            #expect(letter.contains("Ce que nous vous conseillons : Méfiez-vous des appels"))
            #expect(!letter.contains("TER 12345"), "the log's internal description is not pasted in the letter")
            #expect(!letter.contains("mot de passe, et"), "a lost phone is not a password leak")
            let cnil = Self.section(page.text, "brouillon-cnil")
            #expect(cnil.contains("Comment elle a été découverte : Paul s&#39;en est aperçu en rentrant"))
            #expect(cnil.contains("Cause : Oubli dans le train"))
            #expect(cnil.contains("Début de la violation : 17 novembre 2026 à 8"))
            #expect(cnil.contains("Information des personnes concernées : Non, pas encore"))
            #expect(!page.text.contains("risque nul"))
            let mailbox = try await club.alice.submit(
                club.base + "/violations",
                [
                    "discovered": now, "kind": "account", "risk": "high", "nature": "Boîte du bureau piratée",
                    "records": "Adresses et messages",
                ])
            let mailPage = try await club.alice.get(mailbox.location ?? "")
            #expect(mailPage.text.contains("Changez tout de suite le mot de passe du compte"))
            #expect(Self.section(mailPage.text, "brouillon-personnes").contains("changez son mot de passe"))
            // a start after the discovery is refused, what was typed kept
            let later = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now() + 3600)))
            let refused = try await club.alice.submit(
                club.base + "/violations",
                ["started": later, "discovered": now, "nature": "Fuite", "risk": "risk", "cause": "Inconnue"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Le début ne peut pas être après la découverte."))
            #expect(refused.text.contains(">Inconnue</textarea>"))
        }
    }

    @Test(
        "Deciding not to notify asks why, and the log keeps the reasons; notifying past 72 hours asks the reasons for the delay, then the draft and the log carry them"
    )
    func reasonsKept() async throws {
        try await withApp { app in
            let club = try await InventoryWebTests.club(app)
            let now = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now())))
            let silent = try await club.alice.submit(
                club.base + "/violations",
                ["discovered": now, "kind": "lost-device", "nature": "Clé USB perdue", "risk": "unlikely"])
            #expect(silent.status == .unprocessableContent)
            #expect(silent.text.contains("Vous décidez de ne pas notifier la CNIL : dites pourquoi"))
            #expect(silent.text.contains(">Clé USB perdue</textarea>"))
            let kept = try await club.alice.submit(
                club.base + "/violations",
                [
                    "discovered": now, "kind": "lost-device", "nature": "Clé USB perdue", "risk": "unlikely",
                    "no_notify_reasons": "Clé chiffrée (VeraCrypt), phrase de passe jamais écrite",
                ])
            #expect(kept.status == .seeOther)
            let keptPage = try await club.bob.get(kept.location ?? "")
            #expect(
                keptPage.text.contains(
                    "<dt>Raisons de ne pas notifier la CNIL</dt><dd>Clé chiffrée (VeraCrypt), phrase de passe jamais écrite</dd>"
                ))
            // discovered four days ago, notified today: the delay's reasons are asked
            let old = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now() - 96 * 3600)))
            let late = try await club.alice.submit(
                club.base + "/violations",
                ["discovered": old, "kind": "misdirected", "nature": "Liste envoyée en copie visible", "risk": "risk"])
            let path = try #require(late.location)
            #expect(try await club.alice.get(path).text.contains(#"<textarea id="delay_reasons""#))
            let today = DateFormatting.parisDay(app.now()).iso
            let refused = try await club.alice.submit(path, ["notified_on": today, "delay_reasons": " "])
            #expect(refused.status == .seeOther)
            let stillOpen = try await club.alice.get(path)
            #expect(stillOpen.text.contains("La notification arrive après 72 heures : indiquez les raisons du retard"))
            let breachID = String(path.split(separator: "/").last ?? "")
            let stored = {
                try await app.services.database.read {
                    try await BreachQueries.find(breachID, association: club.association, in: $0)
                }
            }
            #expect(try await stored()?.notifiedOn == nil)
            _ = try await club.alice.submit(
                path, ["notified_on": today, "delay_reasons": "La trésorière était hospitalisée"])
            let done = try await club.alice.get(path)
            #expect(try await stored()?.notifiedOn == today)
            #expect(
                done.text.contains(
                    "Raisons d&#39;une notification au-delà de 72 heures : La trésorière était hospitalisée"))
            // within the 72 hours nothing is asked
            let fresh = try await club.alice.submit(
                club.base + "/violations", ["discovered": now, "nature": "Fichier partagé par erreur", "risk": "risk"])
            #expect(!(try await club.alice.get(fresh.location ?? "")).text.contains(#"<textarea id="delay_reasons""#))
            #expect(
                try await club.alice.submit(fresh.location ?? "", ["notified_on": today]).status == .seeOther)
            #expect(try await club.alice.get(fresh.location ?? "").text.contains("Notification à la CNIL faite le"))
        }
    }

    @Test("No text says 'sauf risque nul': the rule is the regulation's (unlikely to result in a risk)")
    func noZeroRisk() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for folder in ["Content", "Sources/EclairageWeb/Resources/Locales"] {
            let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let file = files?.nextObject() as? String {
                guard file.hasSuffix(".yaml") || file.hasSuffix(".md") else { continue }
                let text = try String(
                    contentsOf: root.appendingPathComponent(folder).appendingPathComponent(file), encoding: .utf8)
                #expect(!text.lowercased().contains("risque nul"), "\(folder)/\(file)")
            }
        }
    }

    @Test("Breaches and activities written before migrations 039–041 keep every field after them")
    func migratedWithoutLoss() async throws {
        try await withApp { app in
            let club = try await InventoryWebTests.club(app)
            let now = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now())))
            let breach = try await club.alice.submit(
                club.base + "/violations",
                ["discovered": now, "nature": "Ordinateur volé", "risk": "risk", "measures": "Plainte"])
            _ = try await club.alice.submit(
                club.base + "/registre/nouveau",
                ["name": "Adhésions", "purpose": "Gérer les cotisations", "legal_basis": "contract"])
            let migrator = Migrator(database: app.services.database)
            #expect(
                try await migrator.revert(steps: 4) == [
                    "CreateDeadlineReminders", "CreateRightsRequests", "DetailBreaches", "DetailRegisterActivities",
                ])
            #expect(try await migrator.migrate().count == 4)
            let page = try await club.alice.get(breach.location ?? "")
            #expect(page.text.contains("Ordinateur volé") && page.text.contains("Plainte"))
            #expect(page.text.contains("<dt>Type d&#39;incident</dt><dd>Autre incident</dd>"))
            let register = try await club.alice.get(club.base + "/registre")
            #expect(register.text.contains("Gérer les cotisations"))
            #expect(register.text.contains("<dt>Données sensibles (art. 9)</dt><dd>Non</dd>"))
        }
    }
}
