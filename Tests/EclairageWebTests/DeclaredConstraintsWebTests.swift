import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// What the schema file declares holds in the proposal form; web and e-mail addresses are checked
/// by one rule wherever they are typed or imported; free text has a limit.
@Suite("Declared constraints on the web: proposal form, addresses, lengths")
struct DeclaredConstraintsWebTests {
    static func proposals(_ app: TestApp) async throws -> Int {
        try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }.count
    }

    /// The proposal with `changes` applied (an empty value removes the field's other values).
    static func proposal(_ changes: [String: String]) -> [(String, String)] {
        ContributionWebTests.proposal.filter { changes[$0.0] == nil } + changes.map { ($0.key, $0.value) }
    }

    @Test(
        "Each constraint the schema declares on a field of the proposal form is refused there with a French message; nothing is saved"
    )
    func proposalFormEnforcesTheSchema() async throws {
        try await withApp { app in
            _ = try await ContributionWebTests.setUp(app)
            let schema = app.services.directory.schema
            let fields = Set(PlaceFormBody.textFields + PlaceFormBody.listFields)
            // One request per kind of constraint, every field it applies to broken at once.
            var rounds: [String: [String: String]] = [:]
            for column in schema.columns where fields.contains(column.name) {
                for (kind, value) in column.counterexamples where rounds[kind]?[column.name] == nil {
                    rounds[kind, default: [:]][column.name] = value
                }
            }
            #expect(Set(rounds.keys).isSuperset(of: ["required", "pattern", "values", "max_length", "format"]))
            for (kind, changes) in rounds.sorted(by: { $0.key < $1.key }) {
                let page = try await app.browser().submit("/annuaire/proposer", pairs: Self.proposal(changes))
                #expect(page.status == .unprocessableContent, "\(kind)")
                for (field, value) in changes {
                    // The summary links each refused field to its message, in French.
                    let message = try #require(
                        page.text.firstMatch(of: try Regex(##"<a href="#\##(field)">([^<]+)</a>"##)),
                        "\(kind): \(field) = \(value.prefix(40))")
                    let text = String(message.output[1].substring ?? "")
                    #expect(
                        !text.contains("par le schéma") && !text.contains("obligatoire absente"),
                        "\(kind) \(field): \(text)")
                    #expect(
                        [
                            "rempli", "valeurs possibles", "trop long", "adresse", "forme", "code", "numéro", "SIRET",
                            "RNA",
                        ]
                        .contains { text.contains($0) }, "\(kind) \(field): \(text)")
                }
            }
            #expect(try await Self.proposals(app) == 0)
            // A 3,000-character name, and a `javascript:` site, are refused (the name is not cut to fit).
            let long = try await app.browser().submit(
                "/annuaire/proposer", pairs: Self.proposal(["nom": String(repeating: "n", count: 3000)]))
            #expect(
                long.status == .unprocessableContent
                    && long.text.contains("texte trop long : 3000 caractères, 150 au plus"))
            for site in [
                "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//example.org", "ftp://example.org",
            ] {
                let page = try await app.browser().submit(
                    "/annuaire/proposer", pairs: Self.proposal(["site_web": site]))
                #expect(
                    page.status == .unprocessableContent && page.text.contains("commençant par http:// ou https://"),
                    "\(site)")
            }
            #expect(try await Self.proposals(app) == 0)
            #expect(try await app.browser().submit("/annuaire/proposer", pairs: Self.proposal([:])).status == .seeOther)
        }
    }

    @Test(
        "An e-mail address with a header separator is refused at sign-up, in a proposal, a registration, an invitation and an import"
    )
    func emailsEverywhere() async throws {
        try await withApp { app in
            let bad = "root,attacker@example.org"
            let signUp = try await app.browser().submit(
                "/inscription", ["display_name": "Eve", "email": bad, "password": "lampe tulipe orage cheval"])
            #expect(signUp.status == .unprocessableContent)
            #expect(try await app.services.database.read { try await UserQueries.find(email: bad, in: $0) } == nil)

            let setup = try await CalendarWebTests.setUp(app)
            let proposal = try await app.browser().submit("/annuaire/proposer", pairs: Self.proposal(["contact": bad]))
            #expect(proposal.status == .unprocessableContent && proposal.text.contains(##"href="#contact""##))
            let listed = try await app.browser().submit("/annuaire/proposer", pairs: Self.proposal(["courriels": bad]))
            #expect(listed.status == .unprocessableContent && listed.text.contains(##"href="#courriels""##))
            #expect(try await Self.proposals(app) == 0)

            let registration = try await app.browser().submit(
                "/agenda/seances/\(setup.session)/inscription", ["name": "Eve", "email": bad])
            #expect(registration.status != .seeOther)
            #expect(
                try await app.services.database.read { try await RegistrationQueries.all(of: setup.session, in: $0) }
                    .isEmpty)

            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await carol.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            let invitation = try await carol.submit("/structures/\(body)/conseilleres", ["email": bad])
            #expect(invitation.status == .unprocessableContent)

            let header = Place.schemaColumns.joined(separator: ",")
            let row = [
                "id": "x", "pivot": "W372009999", "nom": "Lieu", "commune": "Tours", "code_postal": "37000",
                "adresse": "1 rue",
                "date_maj": "2026-01-02", "courriels": bad,
            ]
            let csv =
                header + "\n" + Place.schemaColumns.map { "\"" + (row[$0] ?? "") + "\"" }.joined(separator: ",") + "\n"
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString).csv")
            try csv.write(to: file, atomically: true, encoding: .utf8)
            let report = try await DirectoryCommands.importFile(at: file.path, apply: true, services: app.services) {
                _ in
            }
            #expect(
                report.valid == 0
                    && report.findings.contains { $0.hasPrefix("ligne 2") && $0.contains("colonne « courriels »") },
                "\(report.findings)")
            #expect(
                try await app.services.database.read { try await DirectoryQueries.byExternalIDs(["x"], in: $0) }.isEmpty
            )
        }
    }

    @Test("A training's online link must be http or https; its place's text has a limit")
    func trainingLinkAndLength() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app)
            let place = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }.first?.id)
            let start = ParisTime(unixTime: app.now() + 10 * 86_400)
            let startText = String(format: "%04d-%02d-%02dT10:00", start.year, start.month, start.day)
            func create(_ extra: [String: String]) async throws -> Browser.Page {
                try await setup.editor.submit(
                    "/agenda/nouvelle",
                    [
                        "place": place, "title": "Atelier", "kind": "atelier", "description": "", "start": startText,
                        "duration": "90",
                        "every": "0", "count": "1", "capacity": "5", "location": "",
                    ].merging(extra) { $1 })
            }
            for link in [
                "javascript:alert(1)", "  javascript:alert(1)", "JaVaScRiPt://x", "//example.org", "ftp://example.org",
            ] {
                let page = try await create(["online_url": link])
                #expect(page.status == .unprocessableContent && page.text.contains(##"href="#online_url""##), "\(link)")
            }
            let long = try await create(["location": String(repeating: "l", count: 3000)])
            #expect(long.status == .unprocessableContent && long.text.contains(##"href="#location""##))
            #expect(try await app.services.database.read { try await CalendarQueries.all(in: $0) }.count == 1)
        }
    }

    /// Sends `field` 10,001 characters long (with `base` beside it) and expects the form back, the field named.
    static func refusesLong(
        _ browser: Browser, _ path: String, _ field: String, _ base: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let page = try await browser.submit(path, base.merging([field: String(repeating: "x", count: 10_001)]) { $1 })
        #expect(
            page.status == .unprocessableContent, "\(path) \(field): \(page.status)", sourceLocation: sourceLocation)
        #expect(
            page.text.contains(##"href="#\##(field)""##), "\(path) \(field) not named", sourceLocation: sourceLocation)
    }

    @Test("Every free-text field of every form refuses an over-long value, naming the field; nothing is saved")
    func freeTextLimits() async throws {
        try await withApp { app in
            // Account name.
            try await Self.refusesLong(
                app.browser(), "/inscription", "display_name",
                ["email": "long@example.org", "password": "lampe tulipe orage cheval"])
            #expect(
                try await app.services.database.read { try await UserQueries.find(email: "long@example.org", in: $0) }
                    == nil)
            // Support body.
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            for field in ["name", "description"] {
                try await Self.refusesLong(carol, "/structures/nouvelle", field, ["name": "PAVA"])
            }
            #expect(try await app.services.database.read { try await SupportBodyQueries.all(in: $0) }.isEmpty)
            // Association.
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            try await Self.refusesLong(alice, "/associations/nouvelle", "name")
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let base = "/associations/\(association)"
            // Inventory, register, breaches: each free-text field the domain lists.
            for field in AssetForm.textFields {
                try await Self.refusesLong(
                    alice, base + "/inventaire/nouveau", field, ["kind": "service", "name": "Canva"])
            }
            for field in ProcessingActivity.textFields {
                try await Self.refusesLong(
                    alice, base + "/registre/nouveau", field,
                    ["name": "Adhérents", "purpose": "Gérer les adhésions", "legal_basis": "contract"])
            }
            let now = DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(app.now())))
            for field in Breach.textFields {
                try await Self.refusesLong(
                    alice, base + "/violations", field, ["discovered": now, "nature": "Vol", "risk": "high"])
            }
            let saved = try await app.services.database.read { sql in
                (
                    try await InventoryQueries.all(of: association, in: sql).count,
                    try await RegisterQueries.all(of: association, in: sql).count,
                    try await BreachQueries.all(of: association, in: sql).count
                )
            }
            #expect(saved.0 == 0 && saved.1 == 0 && saved.2 == 0)
            // Places (every text field of the proposal form, limits from the schema).
            _ = try await ContributionWebTests.setUp(app)
            for field in PlaceFormBody.textFields {
                let page = try await app.browser().submit(
                    "/annuaire/proposer", pairs: Self.proposal([field: String(repeating: "x", count: 10_001)]))
                #expect(
                    page.status == .unprocessableContent && page.text.contains(##"href="#\##(field)""##), "\(field)")
            }
            #expect(try await Self.proposals(app) == 0)
            // Trainings and registrations.
            let setup = try await CalendarWebTests.setUp(app)
            let place = try #require(
                try await app.services.database.read {
                    try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                }.first?.id)
            for field in ["title", "description", "location", "online_url"] {
                try await Self.refusesLong(
                    setup.editor, "/agenda/nouvelle", field,
                    [
                        "place": place, "title": "Atelier", "kind": "atelier", "duration": "90",
                        "every": "0", "count": "1", "capacity": "5",
                    ])
            }
            #expect(try await app.services.database.read { try await CalendarQueries.all(in: $0) }.count == 1)
            // A session's form names its fields after the session (`s-<session>-name`): several forms share a page.
            let long = try await app.browser().submit(
                "/agenda/seances/\(setup.session)/inscription",
                ["email": "long@example.org", "name": String(repeating: "x", count: 10_001)])
            #expect(long.status == .unprocessableContent)
            #expect(long.text.contains(##"href="#s-\##(setup.session)-name""##))
            #expect(
                try await app.services.database.read { try await RegistrationQueries.all(of: setup.session, in: $0) }
                    .isEmpty)
        }
    }

    @Test(
        "The edit form by link holds the same constraints: an over-long name, a javascript: site, a bad address and an unknown value refused at once"
    )
    func editFormEnforcesTheSchema() async throws {
        try await withApp { app in
            let (_, halles) = try await ContributionWebTests.setUp(app)
            #expect(try await app.browser().submit("/annuaire/lieux/\(halles)/lien", [:]).status == .seeOther)
            let mail = try #require(try await app.mails().first { $0.to == "accueil@espace-halles.example.org" })
            let path = try #require(mail.link("/annuaire/modifier/"))
            var fields = PlaceFormBody(
                place: try #require(
                    try await app.services.database.read { try await DirectoryQueries.find(id: halles, in: $0) }
                ).place)
            fields.name = String(repeating: "n", count: 3000)
            fields.websites = "  JaVaScRiPt:alert(1)"
            fields.emails = "root,attacker@example.org"
            fields.services = ["Piratage"]
            let pairs =
                fields.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                + fields.lists.flatMap { name, values in values.map { (name, $0) } }
            let page = try await app.browser().submit(path, pairs: pairs)
            #expect(page.status == .unprocessableContent)
            for field in ["nom", "site_web", "courriels", "services"] {
                #expect(page.text.contains(##"href="#\##(field)""##), "\(field)")
            }
            #expect(page.text.contains("texte trop long : 3000 caractères, 150 au plus"))
            #expect(try await Self.proposals(app) == 0)
        }
    }
}
