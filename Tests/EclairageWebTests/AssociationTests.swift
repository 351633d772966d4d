import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Extracts `/associations/<id>` from a redirect.
func associationID(_ page: Browser.Page) throws -> String {
    let location = try #require(page.location)
    return String(location.dropFirst("/associations/".count))
}

@Suite("Associations: create, edit, invite, hand over, grant access")
struct AssociationTests {
    @Test("Bad identifiers get a French message per field; nothing is stored")
    func badIdentifiers() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let page = try await alice.submit(
                "/associations/nouvelle",
                [
                    "name": "", "rna": "W12", "siren": "123456789", "siret": "12345678901234", "postcode": "3700",
                    "size": "énorme",
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("Indiquez le nom de l&#39;association."))
            #expect(page.text.contains("Le numéro RNA commence par W suivi de 9 chiffres"))
            #expect(page.text.contains("Ce SIREN ne passe pas le contrôle de validité"))
            #expect(page.text.contains("Le code postal compte 5 chiffres"))
            #expect(page.text.contains("Choisissez une des propositions de la liste."))
            #expect(page.text.contains(#"value="W12""#))
            let rows = try await app.services.database.read {
                try await $0.select().column("id").from("associations").all()
            }
            #expect(rows.isEmpty)
        }
    }

    @Test("Create → page; the département comes from the postcode; edit keeps the id")
    func createAndEdit() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let created = try await alice.submit(
                "/associations/nouvelle",
                [
                    "name": "Les Amis du Quartier", "rna": "w37 200 1234", "siren": "732829320", "postcode": "37000",
                    "budget": "moins-de-1000",
                ])
            #expect(created.status == .seeOther)
            let id = try associationID(created)
            let page = try await alice.get("/associations/\(id)")
            #expect(page.text.contains("<h1>Les Amis du Quartier</h1>"))
            #expect(page.text.contains("L&#39;association est créée."))
            #expect(page.text.contains("<dd>W372001234</dd>"))
            #expect(page.text.contains("<dd>37</dd>"))
            #expect(page.text.contains("<dd>Moins de 1 000 €</dd>"))
            let edited = try await alice.submit(
                "/associations/\(id)/modifier", ["name": "Amis du Quartier", "departement": "2A"])
            #expect(edited.status == .seeOther)
            #expect(edited.location == "/associations/\(id)")
            #expect(try await alice.get("/associations/\(id)").text.contains("<h1>Amis du Quartier</h1>"))
        }
    }

    @Test("A name with HTML comes out escaped on every page that shows it")
    func escaping() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let attack = #"<img src=x onerror="alert(1)">"#
            let id = try associationID(try await alice.submit("/associations/nouvelle", ["name": attack]))
            for path in ["/associations/\(id)", "/associations", "/associations/\(id)/modifier"] {
                let page = try await alice.get(path)
                #expect(!page.text.contains(attack), "\(path)")
                #expect(page.text.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"), "\(path)")
            }
        }
    }

    @Test("Invitation link: shown once, joins once; the last owner must hand over before leaving")
    func inviteTransferLeave() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let id = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let invited = try await alice.submit("/associations/\(id)/invitations", [:])
            #expect(invited.status == .ok)
            let start = try #require(invited.text.range(of: "/invitation/"))
            let path = String(invited.text[start.lowerBound...].prefix { $0 != "\"" })
            let bob = try await app.signedUpBrowser(name: "Bob", email: "bob@example.org")
            #expect(try await bob.get(path).text.contains("<strong>Chorale</strong>"))
            #expect(try await bob.submit(path, [:]).status == .seeOther)
            #expect(try await bob.get("/associations/\(id)").status == .ok)
            #expect(try await bob.submit(path, [:]).status == .notFound)  // used once
            // Alice cannot leave while Bob remains and she is the only owner
            _ = try await alice.submit("/associations/\(id)/quitter", [:])
            #expect(try await alice.get("/associations/\(id)").text.contains("Vous êtes la seule personne responsable"))
            // hand over to Bob, then Alice leaves
            let bobID = try #require(
                try await app.services.database.read { try await UserQueries.find(email: "bob@example.org", in: $0) }?
                    .id)
            #expect(try await alice.submit("/associations/\(id)/transfert", ["member": bobID]).status == .seeOther)
            #expect(try await alice.submit("/associations/\(id)/quitter", [:]).location == "/associations")
            #expect(try await alice.get("/associations/\(id)").status == .notFound)
            let bobPage = try await bob.get("/associations/\(id)")
            #expect(bobPage.text.contains("Modifier les informations"))
        }
    }

    @Test("Granting and withdrawing a support body's access")
    func grantAccess() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let id = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let bodyLocation = try #require(
                try await carol.submit("/structures/nouvelle", ["name": "PAVA Tours", "departement": "37"]).location)
            let bodyID = String(bodyLocation.dropFirst("/structures/".count))
            #expect(try await carol.get("/associations/\(id)").status == .notFound)
            #expect(
                try await app.grant(alice, association: id, body: bodyID).status
                    == .seeOther)
            let advised = try await carol.get("/associations/\(id)")
            #expect(advised.status == .ok)
            #expect(advised.text.contains("Vous accompagnez cette association"))
            #expect(try await carol.get(bodyLocation).text.contains("Chorale"))
            #expect(
                try await alice.submit("/associations/\(id)/acces", ["support_body": bodyID, "action": "withdraw"])
                    .status == .seeOther)
            #expect(try await carol.get("/associations/\(id)").status == .notFound)
        }
    }
}
