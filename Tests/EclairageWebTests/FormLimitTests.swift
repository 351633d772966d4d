import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Forms anyone can send are limited, each purpose by its own counters (per client address and per
/// recipient, `FormLimit`): a burst is cut at the allowance with a French message and the typed values
/// kept, a desk is never stopped by another form's counter, and editors hear of what waits once a
/// quarter hour at most.
@Suite("Form limits: one counter per purpose, address and recipient; the editors' digest; refusing in bulk")
struct FormLimitTests {
    static func proposal(_ name: String) -> [(String, String)] {
        ContributionWebTests.proposal.filter { $0.0 != "nom" } + [("nom", name)]
    }

    static func pending(_ app: TestApp) async throws -> [DirectoryQueries.ChangeRow] {
        try await app.services.database.read { try await DirectoryQueries.pendingChanges(in: $0) }
    }

    static func digests(_ app: TestApp) async throws -> [MailMessage] {
        try await app.mails().filter { $0.to == "admin@example.org" && $0.subject.plain.hasPrefix("Annuaire : ") }
    }

    @Test(
        "1,000 proposals from one address: cut at the allowance, the form kept, one digest per quarter hour for the editors"
    )
    func proposalBurst() async throws {
        try await withApp { app in
            _ = try await ContributionWebTests.setUp(app)
            let allowance = FormLimit.proposal.allowance.perAddress
            let visitor = app.browser(from: "203.0.113.7")
            var accepted = 0
            var refused = 0
            var refusal: Browser.Page?
            for index in 0..<1000 {
                let answer = try await visitor.submit(
                    "/annuaire/proposer", pairs: Self.proposal("Lieu proposé \(index)"))
                if answer.status == .seeOther { accepted += 1 }
                if answer.status == .tooManyRequests {
                    refused += 1
                    refusal = refusal ?? answer
                }
            }
            #expect(accepted == allowance && refused == 1000 - allowance)
            let page = try #require(refusal)
            #expect(
                page.text.contains(
                    "Trop de propositions de lieu depuis cette connexion en une heure : rien n&#39;a été envoyé ni enregistré."
                ))
            #expect(page.text.contains("réessayez dans 60 minutes"))
            #expect(
                page.text.contains(#"value="Lieu proposé \#(allowance)""#)
                    && page.text.contains(#"value="repair@example.org""#))
            #expect(try await Self.pending(app).count == allowance)
            // Nothing mailed per proposal: one digest listing what waits.
            #expect(try await Self.digests(app).isEmpty)
            try await app.services.scheduler.runDue()
            let first = try #require(try await Self.digests(app).first)
            #expect(try await Self.digests(app).count == 1)
            #expect(first.subject.plain == "Annuaire : contributions à relire (\(allowance))")
            #expect(first.body.plain.contains("- nouveau lieu proposé : « Lieu proposé 0 »"))
            // Another address proposes five minutes later: no new message before the quarter hour.
            app.advance(5 * 60)
            #expect(
                try await app.browser(from: "203.0.113.8").submit(
                    "/annuaire/proposer", pairs: Self.proposal("Tiers-lieu tardif")
                ).status == .seeOther)
            try await app.services.scheduler.runDue()
            #expect(try await Self.digests(app).count == 1)
            app.advance(11 * 60)
            try await app.services.scheduler.runDue()
            let digests = try await Self.digests(app)
            #expect(digests.count == 2 && digests.last?.body.plain.contains("Tiers-lieu tardif") == true)
            // Nothing new: no message.
            app.advance(16 * 60)
            try await app.services.scheduler.runDue()
            #expect(try await Self.digests(app).count == 2)
            // An hour later the address may propose again.
            app.advance(60 * 60)
            #expect(
                try await visitor.submit("/annuaire/proposer", pairs: Self.proposal("Lieu du lendemain")).status
                    == .seeOther)
        }
    }

    /// A training of `sessions` weekly sessions with `capacity` seats each.
    static func sessions(_ app: TestApp, count: Int, capacity: Int) async throws -> [String] {
        let setup = try await CalendarWebTests.setUp(app, capacity: capacity)
        let created = try await setup.editor.submit(
            "/agenda/nouvelle",
            [
                "place": try #require(
                    try await app.services.database.read {
                        try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0)
                    }.first?.id),
                "title": "Premiers pas", "kind": "atelier", "description": "Allumer, cliquer, écrire.",
                "start": try #require(Self.startText(app)), "duration": "60", "every": "7", "count": String(count),
                "capacity": String(capacity), "location": "",
            ])
        let training = String(try #require(created.location).split(separator: "/").last ?? "")
        return try await app.services.database.read { try await CalendarQueries.sessions(of: training, in: $0) }.map(
            \.id)
    }

    static func startText(_ app: TestApp) -> String? {
        let start = ParisTime(unixTime: app.now() + 3 * 86_400)
        return String(format: "%04d-%02d-%02dT14:00", start.year, start.month, start.day)
    }

    @Test(
        "A desk registers 100 people for 10 sessions from one address: none refused; 100 addresses for one recipient: all but its allowance refused"
    )
    func deskAndRecipient() async throws {
        try await withApp { app in
            let sessions = try await Self.sessions(app, count: 10, capacity: 20)
            #expect(sessions.count == 10)
            let desk = app.browser(from: "198.51.100.10")
            var refusedAtDesk = 0
            for person in 0..<100 {
                let answer = try await desk.submit(
                    "/agenda/seances/\(sessions[person % 10])/inscription",
                    ["name": "Personne \(person)", "email": "p\(person)@example.org"])
                if answer.status == .tooManyRequests { refusedAtDesk += 1 }
                #expect(answer.status == .seeOther)
            }
            #expect(refusedAtDesk == 0)
            // The same desk can still ask for a reset link: another purpose, another counter.
            #expect(try await desk.submit("/mot-de-passe-oublie", ["email": "someone@example.org"]).status == .ok)
            let allowance = try #require(FormLimit.registration.allowance.perRecipient)
            var refused = 0
            var refusal: Browser.Page?
            for index in 0..<100 {
                let answer = try await app.browser(from: "192.0.2.\(index + 1)").submit(
                    "/agenda/seances/\(sessions[index % 10])/inscription",
                    ["name": "Marie Curie", "email": "marie@example.org"]
                )
                if answer.status == .tooManyRequests {
                    refused += 1
                    refusal = refusal ?? answer
                }
            }
            #expect(refused == 100 - allowance)
            let page = try #require(refusal)
            #expect(
                page.text.contains(
                    "Cette adresse électronique a déjà reçu plusieurs messages de ce type dans l&#39;heure (inscriptions)"
                ))
            #expect(page.text.contains(#"value="Marie Curie""#) && page.text.contains(#"value="marie@example.org""#))
        }
    }

    @Test("Sign-up mails are limited per recipient, whatever the address they are asked from")
    func signUpPerRecipient() async throws {
        try await withApp(["SENDMAIL_PATH": "/bin/true"]) { app in
            let allowance = try #require(FormLimit.signUp.allowance.perRecipient)
            for index in 0..<allowance {
                let sent = try await app.browser(from: "192.0.2.\(index + 1)").submit(
                    "/inscription",
                    ["display_name": "Léa", "email": "lea@example.org", "password": "lampe tulipe orage cheval"]
                )
                #expect(sent.status == .ok)
            }
            let refused = try await app.browser(from: "192.0.2.200").submit(
                "/inscription",
                ["display_name": "Léa Martin", "email": "lea@example.org", "password": "lampe tulipe orage cheval"]
            )
            #expect(refused.status == .tooManyRequests)
            #expect(
                refused.text.contains(
                    "Cette adresse électronique a déjà reçu plusieurs messages de ce type dans l&#39;heure (demandes de compte)"
                ))
            #expect(refused.text.contains(#"value="Léa Martin""#))
            #expect(try await app.mails().filter { $0.to == "lea@example.org" }.count == allowance)
        }
    }

    @Test("Editors refuse ticked contributions at once; without the form's token nothing changes")
    func refuseInBulk() async throws {
        try await withApp { app in
            let (editor, _) = try await ContributionWebTests.setUp(app)
            for name in ["Spam un", "Spam deux", "Vrai lieu"] {
                _ = try await app.browser().submit("/annuaire/proposer", pairs: Self.proposal(name))
            }
            let pending = try await Self.pending(app)
            let spam = pending.filter { Contributions.decode($0.afterJson)?.name.hasPrefix("Spam") == true }.map(\.id)
            #expect(spam.count == 2)
            let queue = try await editor.get("/annuaire/moderation").text
            #expect(queue.contains(#"name="changes" value="\#(spam[0])" form="refus-groupe""#))
            let forged = try await editor.post(
                "/annuaire/refus-groupe", body: spam.map { "changes=\($0)" }.joined(separator: "&"))
            #expect(forged.status == .forbidden)
            #expect(try await Self.pending(app).count == 3)
            _ = try await editor.get("/annuaire/moderation")
            let refused = try await editor.submit("/annuaire/refus-groupe", pairs: spam.map { ("changes", $0) })
            #expect(refused.status == .seeOther && refused.location == "/annuaire/moderation")
            #expect(
                try await editor.get("/annuaire/moderation").text.contains("Les contributions cochées sont refusées."))
            #expect(try await Self.pending(app).map { Contributions.decode($0.afterJson)?.name } == ["Vrai lieu"])
            #expect(
                try await app.browser().submit("/annuaire/refus-groupe", pairs: [("changes", pending[2].id)]).status
                    == .forbidden)
        }
    }

    @Test("Anonymous diagnostics started from one address are limited; another address is not held back")
    func diagnosticStarts() async throws {
        try await withApp { app in
            let room = app.browser(from: "198.51.100.20")
            let allowance = FormLimit.diagnosticStart.allowance.perAddress
            for _ in 0..<allowance {
                #expect(try await room.submit("/diagnostic", [:]).location?.hasPrefix("/diagnostics/") == true)
            }
            let refused = try await room.submit("/diagnostic", [:])
            #expect(refused.location == "/diagnostic")
            #expect(
                try await room.get("/diagnostic").text.contains(
                    "Trop de diagnostics ont été commencés depuis cette connexion en une heure"))
            #expect(
                try await app.browser(from: "198.51.100.21").submit("/diagnostic", [:]).location?.hasPrefix(
                    "/diagnostics/") == true)
        }
    }
}
