import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The register a DPO would accept (issue 23, item 8): the CNIL template's fields and order, special
/// categories flagged, transfers outside the EU with their safeguard, dates kept.
@Suite("GDPR register: the CNIL template's fields, special categories, transfers")
struct RegisterDetailTests {
    @Test(
        "A Swiss host is recorded as a transfer on the adequacy decision without asking; a joint controller, special categories and both dates show on screen, in print and in the CSV"
    )
    func swissHostAndDetails() async throws {
        try await withApp { app in
            let club = try await InventoryWebTests.club(app)
            _ = try await club.alice.submit(
                club.base + "/inventaire/nouveau",
                [
                    "kind": "service", "name": "Suivi des dossiers", "provider": "Infomaniak",
                    "data_location": "adequate-country",
                ])
            let asset = try #require(
                try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                    .first?.row.id)
            let template = try #require(app.services.registerTemplates.first { $0.id == "beneficiaires" })
            let form = try await club.alice.get(club.base + "/registre/nouveau?modele=beneficiaires")
            #expect(form.text.contains(#"id="sensitive--1" name="sensitive" value="1" checked"#))
            var fields = template.fields
            fields["joint_controller"] = "Fédération départementale d'entraide"
            let saved = try await club.alice.submit(
                pairs: fields.sorted { $0.key < $1.key } + [("assets", asset)], to: club.base + "/registre/nouveau")
            #expect(
                saved.status == .seeOther,
                "\(saved.text.firstMatch(of: /error-summary[^§]{0,900}/).map { String($0.0) } ?? "")")
            let created = DateFormatting.day(app.now(), language: .fr)
            app.advance(3 * 86_400)
            try await Self.signIn(club.alice, "alice@example.org")
            try await Self.signIn(club.bob, "bob@example.org")
            let row = try #require(
                try await app.services.database.read { try await RegisterQueries.all(of: club.association, in: $0) }
                    .first)
            fields["retention"] = "2 ans après le dernier contact."
            let edited = try await club.bob.submit(
                pairs: fields.sorted { $0.key < $1.key } + [("assets", asset)],
                to: club.base + "/registre/\(row.id)")
            #expect(edited.status == .seeOther)
            let updated = DateFormatting.day(app.now(), language: .fr)
            for path in ["/registre", "/registre/imprimer"] {
                let page = try await club.bob.get(club.base + path)
                #expect(page.text.contains("Créée le \(created), mise à jour le \(updated)"), "\(path)")
                #expect(page.text.contains("<dt>Responsable du traitement</dt><dd>Chorale</dd>"), "\(path)")
                #expect(page.text.contains("Fédération départementale d&#39;entraide"), "\(path)")
                #expect(page.text.contains("<dt>Données sensibles (art. 9)</dt><dd>Oui"), "\(path)")
                #expect(
                    page.text.contains(
                        "Suivi des dossiers (Infomaniak), Dans un pays reconnu par l&#39;UE comme protégeant les données (décision d&#39;adéquation, comme la Suisse) : Décision d&#39;adéquation"
                    ), "\(path)")
                // the CNIL template's order: purposes before people, data before recipients, transfers before retention
                let labels = page.text.matches(of: /<dt>([^<]+)<\/dt>/).map { String($0.1) }
                let order = [
                    "Responsable du traitement", "Finalités", "Personnes concernées", "Données",
                    "Données sensibles (art. 9)", "Destinataires", "Transferts hors de l&#39;Union européenne",
                    "Durée de conservation", "Mesures de sécurité",
                ].map { labels.firstIndex(of: $0) ?? -1 }
                #expect(order == order.sorted() && !order.contains(-1), "\(path) \(labels)")
            }
            let csv = try await club.bob.get(club.base + "/registre.csv")
            #expect(csv.text.contains("2 ans après le dernier contact."))
            // a typed transfer without its safeguard is refused, the text kept
            var abroad = fields
            abroad["transfers"] = "Partenaire au Sénégal, dossiers orientés"
            let refused = try await club.alice.submit(
                pairs: abroad.sorted { $0.key < $1.key }, to: club.base + "/registre/\(row.id)")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Un transfert hors de l&#39;UE est indiqué : choisissez sa garantie."))
            #expect(refused.text.contains("Partenaire au Sénégal, dossiers orientés</textarea>"))
            let framed = try await club.alice.submit(
                pairs: abroad.sorted { $0.key < $1.key } + [("transfer_basis", "scc")],
                to: club.base + "/registre/\(row.id)")
            #expect(framed.status == .seeOther)
            #expect(
                try await club.bob.get(club.base + "/registre").text.contains(
                    "Partenaire au Sénégal, dossiers orientés : Clauses contractuelles types"))
        }
    }

    /// Days later, the session has ended: the person signs in again.
    static func signIn(_ browser: Browser, _ email: String) async throws {
        _ = try await browser.get("/connexion")
        _ = try await browser.submit("/connexion", ["email": email, "password": "lampe tulipe orage cheval"])
    }

    @Test(
        "The templates: bank details are not special categories, banks and social networks are not processors, and beneficiaries have their own template with special categories"
    )
    func templates() async throws {
        try await withApp { app in
            let templates = app.services.registerTemplates
            let byID = Dictionary(uniqueKeysWithValues: templates.map { ($0.id, $0) })
            #expect(byID["donateurs"]?.sensitive == false)
            #expect(byID["salaries"]?.sensitive == false)
            #expect(byID["adherents"]?.sensitive == false)
            #expect(byID["beneficiaires"]?.sensitive == true)
            #expect(byID["evenements"]?.sensitive == true)
            for template in templates {
                // what follows "Sous-traitants :" up to the next sentence names no bank nor social network
                guard let range = template.recipients.range(of: "Sous-traitants") else { continue }
                let processors = template.recipients[range.upperBound...].prefix { $0 != "." }.lowercased()
                #expect(!processors.contains("banque"), "\(template.id): \(processors)")
                #expect(!processors.contains("réseaux sociaux"), "\(template.id): \(processors)")
            }
        }
    }
}
