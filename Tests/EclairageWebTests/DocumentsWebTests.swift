import EclairageDomain
import Foundation
import Testing

@testable import EclairageWeb

/// Documents filled in from the profile, inventory and register: the membership notice covers the
/// activities about members (or those ticked), the legal notice names the inventory's host, the
/// charter the association's own accounts; what is unknown stays in brackets; Markdown escapes the
/// association's words; an advisor reads them only where the inventory is shared, and the read is logged.
@Suite("Documents ready to use: notices and charter")
struct DocumentsWebTests {
    /// The club of the inventory tests, with an RNA number, a host and a form service outside the EU,
    /// and three register activities from the templates (members, volunteers, donors).
    static func club(_ app: TestApp) async throws -> (InventoryWebTests.Club, [String: String]) {
        let club = try await InventoryWebTests.club(app)
        _ = try await club.alice.submit(
            club.base + "/modifier", ["name": "Chorale *du* [Val]", "rna": "W372001234"])
        _ = try await club.alice.submit(
            club.base + "/inventaire/nouveau", ["kind": "hosting", "name": "Site", "provider": "Infomaniak"])
        _ = try await club.alice.submit(
            club.base + "/inventaire/nouveau",
            [
                "kind": "service", "name": "Google Forms", "provider": "Google", "data_location": "outside-eu",
                "credentials_place": "KeePassXC du bureau",
            ])
        let forms = try #require(
            try await app.services.database.read { try await InventoryQueries.all(of: club.association, in: $0) }
                .first { $0.asset.name == "Google Forms" }?.row.id)
        var ids: [String: String] = [:]
        for template in ["adherents", "benevoles", "donateurs"] {
            let fields = try #require(app.services.registerTemplates.first { $0.id == template }).fields
            let saved = try await club.alice.submit(
                pairs: fields.sorted { $0.key < $1.key }
                    + (template == "adherents" ? [("assets", forms), ("transfer_basis", "dpf")] : []),
                to: club.base + "/registre/nouveau")
            #expect(saved.status == .seeOther)
        }
        for row in try await app.services.database.read({ try await RegisterQueries.all(of: club.association, in: $0) })
        {
            let template = try #require(app.services.registerTemplates.first { $0.name == row.activity.name })
            ids[template.id] = row.id
        }
        return (club, ids)
    }

    @Test("The membership notice covers the activities about members, or those ticked, with their host abroad")
    func privacyNotice() async throws {
        try await withApp { app in
            let (club, ids) = try await Self.club(app)
            let list = try await club.bob.get(club.base + "/documents")
            #expect(list.status == .ok)
            #expect(list.words.contains("Mentions légales du site de l'association"))
            #expect(list.words.contains("Charte numérique des bénévoles"))
            let page = try await club.bob.get(club.base + "/documents/mentions-adhesion")
            #expect(page.status == .ok)
            let words = page.words
            #expect(words.contains("utilisées par Chorale *du* [Val], RNA W372001234, responsable de leur traitement"))
            #expect(words.contains("Gestion des adhérent·es et des cotisations : Tenir la liste des membres"))
            #expect(words.contains("(base légale : Contrat (l'adhésion, l'inscription…))"))
            #expect(!words.contains("Coordination des bénévoles :"))
            #expect(words.contains("conservées hors de l'Union européenne (Google)"))
            #expect(words.contains("Écrivez pour cela à [à compléter : l'adresse, postale ou électronique"))
            #expect(page.text.contains(#"value="\#(try #require(ids["adherents"]))" checked"#))
            // Ticking the volunteers only: the notice follows, and its download keeps the choice.
            let volunteers = try #require(ids["benevoles"])
            let ticked = try await club.bob.get(club.base + "/documents/mentions-adhesion?activite=\(volunteers)")
            #expect(ticked.words.contains("Coordination des bénévoles : Organiser l'action des bénévoles"))
            #expect(!ticked.words.contains("Gestion des adhérent·es et des cotisations :"))
            #expect(!ticked.words.contains("hors de l'Union européenne"))
            let download = "/documents/mentions-adhesion/telecharger?activite=\(volunteers)"
            #expect(ticked.text.contains(download))
            let markdown = try await club.bob.get(club.base + download)
            #expect(markdown.headers[.contentType] == "text/markdown; charset=utf-8")
            #expect(markdown.headers[.contentDisposition] == #"attachment; filename="mentions-adhesion.md""#)
            #expect(markdown.text.plain.hasPrefix("# Protection des données : mentions pour le bulletin d'adhésion\n"))
            #expect(markdown.text.contains(#"utilisées par Chorale \*du\* \[Val\], RNA"#))
            #expect(markdown.text.contains("\n- Coordination des bénévoles : Organiser"))
            // An activity of another association, or none known: the default choice.
            let unknown = try await club.bob.get(club.base + "/documents/mentions-adhesion?activite=autre")
            #expect(unknown.words.contains("Gestion des adhérent·es et des cotisations :"))
            #expect(try await club.bob.get(club.base + "/documents/inconnu").status == .notFound)
        }
    }

    @Test("The legal notice names the inventory's host; the charter the association's accounts and vault")
    func legalNoticeAndCharter() async throws {
        try await withApp { app in
            let (club, _) = try await Self.club(app)
            let legal = try await club.alice.get(club.base + "/documents/mentions-legales")
            #expect(
                legal.words.contains("Le site est hébergé par Infomaniak, [à compléter : l'adresse et le téléphone"))
            #expect(legal.words.contains("association régie par la loi du 1er juillet 1901, RNA W372001234."))
            #expect(legal.words.contains("Directeur·ice de la publication : [à compléter :"))
            let charter = try await club.alice.get(club.base + "/documents/charte-numerique")
            #expect(charter.words.contains("à son nom : Site, Google Forms."))
            #expect(charter.words.contains("rangés à un seul endroit (KeePassXC du bureau)"))
            #expect(charter.words.contains("on prévient [à compléter : la personne référente du numérique]"))
        }
    }

    @Test("An advisor reads the documents only where the inventory is shared with their body; each read is logged")
    func advisorAccess() async throws {
        try await withApp { app in
            let (club, _) = try await Self.club(app)
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await carol.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            _ = try await app.grant(club.alice, association: club.association, body: body)
            #expect(try await carol.get(club.base + "/documents/charte-numerique").status == .notFound)
            _ = try await club.alice.submit(club.base + "/inventaire-partage", ["share": "1"])
            #expect(try await carol.get(club.base + "/documents/charte-numerique").status == .ok)
            let reads = try await app.services.database.read {
                try await AccessLogQueries.recent(of: club.association, limit: 10, in: $0)
            }.map(\.what)
            #expect(reads == ["documents"])
        }
    }
}
