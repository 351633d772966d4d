import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Every route that reads or changes an association's or a support body's data, tried by every kind of
/// person. A new route joins this table. 404 means "as if it did not exist"; 403 "signed in but not allowed"
/// (or not signed in at all).
@Suite("Access: role × route matrix")
struct AccessMatrixTests {
    enum Role: String, CaseIterable, Sendable {
        case anonymous, outsider, member, owner, advisor, otherAdvisor, admin
    }

    struct Case: Sendable {
        let method: HTTPRequest.Method
        let path: @Sendable (World) -> String
        let fields: [String: String]
        let expected: [Role: HTTPResponse.Status]
        /// The role for which this case changes the world (leaving, deleting): tried at the end instead.
        var runLastFor: Role? = nil
    }

    struct World: Sendable {
        let association: String
        let body: String
        let otherBody: String
        let browsers: [Role: Browser]
        let bobID: String
        let diagnostic: String
        let asset: String
        let handover: String
        let activity: String
        let breach: String
    }

    static func world(_ app: TestApp) async throws -> World {
        let owner = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
        let association = try associationID(try await owner.submit("/associations/nouvelle", ["name": "Chorale"]))
        let invited = try await owner.submit("/associations/\(association)/invitations", [:])
        let start = try #require(invited.text.range(of: "/invitation/"))
        let invitation = String(invited.text[start.lowerBound...].prefix { $0 != "\"" })
        let member = try await app.signedUpBrowser(name: "Bob", email: "bob@example.org")
        _ = try await member.submit(invitation, [:])
        let advisor = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
        let body = String(
            try #require(try await advisor.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                "/structures/".count))
        _ = try await app.grant(owner, association: association, body: body)
        let otherAdvisor = try await app.signedUpBrowser(name: "Dan", email: "dan@example.org")
        let otherBody = String(
            try #require(try await otherAdvisor.submit("/structures/nouvelle", ["name": "DLA"]).location).dropFirst(
                "/structures/".count))
        let outsider = try await app.signedUpBrowser(name: "Eve", email: "eve@example.org")
        _ = try await app.signedUpBrowser(name: "Frank", email: "frank@example.org")  // a colleague the advisor invites
        _ = try await Admins.create(
            email: "admin@example.org", name: "Admin", password: "phrase de passe administrateur",
            services: app.services)
        let admin = app.browser()
        _ = try await admin.submit(
            "/connexion", ["email": "admin@example.org", "password": "phrase de passe administrateur"])
        let bobID = try #require(
            try await app.services.database.read { try await UserQueries.find(email: "bob@example.org", in: $0) }?.id)
        let started = try await owner.submit("/associations/\(association)/diagnostics", [:])
        let diagnostic = String(try #require(started.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
        // The inventory and its registers, not shared with advisors.
        let base = "/associations/\(association)"
        _ = try await owner.submit(base + "/inventaire/nouveau", ["kind": "domain", "name": "chorale.fr"])
        let asset = try #require(
            try await app.services.database.read { try await InventoryQueries.all(of: association, in: $0) }.first?.row
                .id)
        _ = try await owner.submit(
            base + "/passation", ["leaving": "Paul Martin, trésorier", "incoming": "Inès Durand, trésorière"])
        let handover = try #require(
            try await app.services.database.read { try await HandoverQueries.all(of: association, in: $0) }.first?.id)
        _ = try await owner.submit(
            base + "/registre/nouveau", ["name": "Adhérent·es", "purpose": "Cotisations", "legal_basis": "contract"])
        let activity = try #require(
            try await app.services.database.read { try await RegisterQueries.all(of: association, in: $0) }.first?.id)
        let breach = String(
            try #require(
                try await owner.submit(
                    base + "/violations",
                    [
                        "discovered": "2026-01-01T10:00", "nature": "Perte", "risk": "risk",
                    ]
                ).location
            ).split(separator: "/").last ?? "")
        return World(
            association: association, body: body, otherBody: otherBody,
            browsers: [
                .anonymous: app.browser(), .outsider: outsider, .member: member, .owner: owner, .advisor: advisor,
                .otherAdvisor: otherAdvisor, .admin: admin,
            ],
            bobID: bobID, diagnostic: diagnostic, asset: asset, handover: handover, activity: activity, breach: breach
        )
    }

    static func expect(
        _ anonymous: HTTPResponse.Status, outsider: HTTPResponse.Status, member: HTTPResponse.Status,
        owner: HTTPResponse.Status,
        advisor: HTTPResponse.Status, otherAdvisor: HTTPResponse.Status, admin: HTTPResponse.Status
    ) -> [Role: HTTPResponse.Status] {
        [
            .anonymous: anonymous, .outsider: outsider, .member: member, .owner: owner, .advisor: advisor,
            .otherAdvisor: otherAdvisor, .admin: admin,
        ]
    }

    /// What members get; everyone else as if the page did not exist (anonymous: sign in first).
    static func membersOnly(_ status: HTTPResponse.Status) -> [Role: HTTPResponse.Status] {
        expect(
            .forbidden, outsider: .notFound, member: status, owner: status, advisor: .notFound, otherAdvisor: .notFound,
            admin: .notFound)
    }

    static let cases: [Case] = [
        Case(
            method: .get, path: { "/associations/\($0.association)" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .notFound,
                admin: .notFound)),
        Case(
            method: .get, path: { "/associations/\($0.association)/modifier" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .ok, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/modifier" }, fields: ["name": "Renommée"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/invitations" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .ok, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/acces" }, fields: ["support_body": "inconnue"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/transfert" }, fields: ["member": "personne"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/quitter" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .seeOther, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound),
            runLastFor: .member),
        Case(
            method: .get, path: { "/structures/\($0.body)" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .notFound, owner: .notFound, advisor: .ok,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/structures/\($0.body)/conseilleres" }, fields: ["email": "frank@example.org"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .notFound, owner: .notFound, advisor: .ok,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/structures/\($0.body)/conseilleres/retirer" }, fields: ["user": "personne"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .notFound, owner: .notFound, advisor: .seeOther,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/diagnostics" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .seeOther, owner: .seeOther, advisor: .seeOther,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { "/diagnostics/\($0.diagnostic)/rapport" }, fields: [:],
            expected: expect(
                .notFound, outsider: .notFound, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .notFound,
                admin: .notFound)),
        Case(
            method: .get, path: { "/diagnostics/\($0.diagnostic)/etape/3" }, fields: [:],
            expected: expect(
                .notFound, outsider: .notFound, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .notFound,
                admin: .notFound)),
        Case(
            method: .get, path: { "/diagnostics/\($0.diagnostic)/export.csv" }, fields: [:],
            expected: expect(
                .notFound, outsider: .notFound, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .notFound,
                admin: .notFound)),
        Case(
            method: .get, path: { "/diagnostics/\($0.diagnostic)/supprimer" }, fields: [:],
            expected: expect(
                .notFound, outsider: .notFound, member: .forbidden, owner: .ok, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/diagnostics/\($0.diagnostic)/supprimer" }, fields: [:],
            expected: expect(
                .notFound, outsider: .notFound, member: .forbidden, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound),
            runLastFor: .owner),
        Case(
            method: .post, path: { "/associations/\($0.association)/etapes" },
            fields: ["kind": "step", "reference": "partager-les-acces"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .seeOther, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        // Inventory, handover, register, breaches: members only while not shared; owners decide sharing.
        Case(
            method: .get, path: { "/associations/\($0.association)/inventaire" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/inventaire/nouveau" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .post, path: { "/associations/\($0.association)/inventaire/nouveau" },
            fields: ["kind": "service", "name": "Canva"], expected: membersOnly(.seeOther)),
        Case(
            method: .get, path: { "/associations/\($0.association)/inventaire/\($0.asset)" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .post, path: { "/associations/\($0.association)/inventaire/\($0.asset)" },
            fields: ["kind": "domain", "name": "chorale.fr"], expected: membersOnly(.seeOther)),
        Case(
            method: .post, path: { "/associations/\($0.association)/inventaire/\($0.asset)/verifie" }, fields: [:],
            expected: membersOnly(.seeOther)),
        Case(
            method: .post, path: { "/associations/\($0.association)/inventaire-partage" }, fields: ["share": "0"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .seeOther, advisor: .notFound,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { "/associations/\($0.association)/passation" }, fields: [:], expected: membersOnly(.ok)
        ),
        Case(
            method: .post, path: { "/associations/\($0.association)/passation" },
            fields: ["leaving": "Paul", "incoming": "Inès"], expected: membersOnly(.seeOther)),
        Case(
            method: .post, path: { "/associations/\($0.association)/passation/\($0.handover)/0" },
            fields: ["done": "1"], expected: membersOnly(.seeOther)),
        Case(
            method: .get, path: { "/associations/\($0.association)/passation/\($0.handover)/imprimer" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/registre" }, fields: [:], expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/registre.csv" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/registre/imprimer" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/documents" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/echeances" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/documents/mentions-adhesion" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/documents/charte-numerique/telecharger" },
            fields: [:], expected: membersOnly(.ok)),
        Case(
            method: .get, path: { "/associations/\($0.association)/registre/nouveau" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .post, path: { "/associations/\($0.association)/registre/nouveau" },
            fields: ["name": "Dons", "purpose": "Reçus", "legal_basis": "legal-obligation"],
            expected: membersOnly(.seeOther)),
        Case(
            method: .get, path: { "/associations/\($0.association)/registre/\($0.activity)" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .post, path: { "/associations/\($0.association)/registre/\($0.activity)" },
            fields: ["name": "Adhérent·es", "purpose": "Cotisations", "legal_basis": "contract"],
            expected: membersOnly(.seeOther)),
        Case(
            method: .get, path: { "/associations/\($0.association)/violations" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .post, path: { "/associations/\($0.association)/violations" },
            fields: [
                "discovered": "2026-01-02T10:00", "nature": "Vol", "risk": "unlikely",
                "no_notify_reasons": "Clé chiffrée",
            ],
            expected: membersOnly(.seeOther)),
        Case(
            method: .get, path: { "/associations/\($0.association)/violations/\($0.breach)" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .post, path: { "/associations/\($0.association)/violations/\($0.breach)" },
            fields: ["notified_on": "2026-01-03"], expected: membersOnly(.seeOther)),
        Case(
            method: .get, path: { "/associations/\($0.association)/violations/\($0.breach)/modifier" }, fields: [:],
            expected: membersOnly(.ok)),
        Case(
            method: .post, path: { "/associations/\($0.association)/violations/\($0.breach)/modifier" },
            fields: ["discovered": "2026-01-01T10:00", "nature": "Perte", "risk": "risk"],
            expected: membersOnly(.seeOther)),
        Case(
            method: .post, path: { "/associations/\($0.association)/passation/\($0.handover)/terminer" }, fields: [:],
            expected: membersOnly(.seeOther), runLastFor: .owner),
        Case(
            method: .post, path: { "/associations/\($0.association)/registre/\($0.activity)/supprimer" }, fields: [:],
            expected: membersOnly(.seeOther), runLastFor: .owner),
        Case(
            method: .post, path: { "/associations/\($0.association)/inventaire/\($0.asset)/supprimer" }, fields: [:],
            expected: membersOnly(.seeOther), runLastFor: .owner),
        // The accompaniment: asking for help, requests, notes, the plan, vetting.
        Case(
            method: .get, path: { "/associations/\($0.association)/accompagnement" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .ok, owner: .ok, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/accompagnement" },
            fields: ["support_body": "inconnue", "shares_plan": "1"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .unprocessableContent, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/demandes" },
            fields: ["request": "inconnue", "answer": "accept"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { "/associations/\($0.association)/suivi" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .notFound,
                admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/suivi/notes" },
            fields: ["day": "2026-11-17", "text": "Premier entretien"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .forbidden, advisor: .seeOther,
                otherAdvisor: .notFound, admin: .notFound)),
        // Closing with no reason is refused on its field (a closing that works ends the access: tested apart).
        Case(
            method: .post, path: { "/associations/\($0.association)/suivi/cloture" }, fields: ["reason": ""],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .forbidden,
                advisor: .unprocessableContent, otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { "/associations/\($0.association)/feuille-de-route" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .notFound,
                admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/feuille-de-route" }, fields: ["title": "Étape"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .seeOther, owner: .seeOther, advisor: .seeOther,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/feuille-de-route/statut" },
            fields: ["step": "inconnue", "status": "done"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .seeOther, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/feuille-de-route/propositions" },
            fields: ["step": "inconnue", "answer": "accept"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .seeOther, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .post, path: { "/associations/\($0.association)/feuille-de-route/valorisation" },
            fields: ["rate": "12", "rule": "SMIC"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .forbidden, owner: .seeOther, advisor: .forbidden,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { "/associations/\($0.association)/usages" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .notFound,
                admin: .notFound)),
        Case(
            method: .post, path: { "/structures/\($0.body)/demandes" }, fields: ["identifier": "W123456789"],
            expected: expect(
                .forbidden, outsider: .notFound, member: .notFound, owner: .notFound, advisor: .seeOther,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { "/structures/\($0.body)/bilan" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .notFound, owner: .notFound, advisor: .ok,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { "/structures/\($0.body)/bilan.csv?periode=2026" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .notFound, member: .notFound, owner: .notFound, advisor: .ok,
                otherAdvisor: .notFound, admin: .notFound)),
        Case(
            method: .get, path: { _ in "/structures/a-verifier" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .forbidden,
                otherAdvisor: .forbidden, admin: .ok)),
        Case(
            method: .post, path: { "/structures/\($0.otherBody)/verification" }, fields: ["decision": "vetted"],
            expected: expect(
                .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .forbidden,
                otherAdvisor: .forbidden, admin: .seeOther)),
        Case(
            method: .post, path: { _ in "/admin/courriels/inconnu/reessayer" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .forbidden,
                otherAdvisor: .forbidden, admin: .seeOther)),
        Case(
            method: .get, path: { _ in "/admin" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .forbidden,
                otherAdvisor: .forbidden, admin: .ok)),
        // The observatory: every territory for the network and vetted bodies, public ones for everyone
        // (the other advisor's body was vetted by the administrator's case above).
        Case(
            method: .get, path: { _ in "/observatoire" }, fields: [:],
            expected: expect(
                .ok, outsider: .ok, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .ok, admin: .ok)),
        Case(
            method: .get, path: { _ in "/observatoire/region-84/2026" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .ok,
                otherAdvisor: .ok, admin: .ok)),
        Case(
            method: .get, path: { _ in "/observatoire/region-84/2026/donnees.csv" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .ok,
                otherAdvisor: .ok, admin: .ok)),
        Case(
            method: .post, path: { _ in "/observatoire/region-84/publication" }, fields: ["publish": "0"],
            expected: expect(
                .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .forbidden,
                otherAdvisor: .forbidden, admin: .seeOther)),
        Case(
            method: .get, path: { _ in "/associations" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .ok, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .ok, admin: .ok)),
        Case(
            method: .get, path: { _ in "/compte" }, fields: [:],
            expected: expect(
                .forbidden, outsider: .ok, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .ok, admin: .ok)),
    ]

    @Test("Each role gets exactly the expected answer on each route, and refused writes change nothing")
    func matrix() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            // Cases that change the world for one role (leaving, deleting) run for that role at the end.
            for testCase in Self.cases {
                for role in Role.allCases where role != testCase.runLastFor {
                    let browser = try #require(world.browsers[role])
                    let path = testCase.path(world)
                    let page =
                        testCase.method == .get
                        ? try await browser.get(path) : try await browser.submit(path, testCase.fields)
                    #expect(page.status == testCase.expected[role], "\(role) \(testCase.method) \(path)")
                    if page.status == .notFound || page.status == .forbidden {
                        #expect(
                            !page.text.contains("Chorale") && !page.text.contains("Renommée"),
                            "\(role) saw the name on \(path)")
                    }
                }
            }
            let name = try await app.services.database.read {
                try await AssociationQueries.find(id: world.association, in: $0)?.name
            }
            #expect(name == "Renommée")
            #expect(
                try await world.browsers[.owner]!.submit("/diagnostics/\(world.diagnostic)/supprimer", [:]).status
                    == .seeOther)
            #expect(
                try await world.browsers[.member]!.get("/diagnostics/\(world.diagnostic)/rapport").status == .notFound)
            let leave = try await world.browsers[.member]!.submit("/associations/\(world.association)/quitter", [:])
            #expect(leave.status == .seeOther)
            #expect(try await world.browsers[.member]!.get("/associations/\(world.association)").status == .notFound)
        }
    }
}
