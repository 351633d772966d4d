import EclairageDomain
import Foundation
import Hummingbird
import SQLKit
import Testing

@testable import EclairageWeb

extension TestApp {
    /// Starts a diagnostic in `browser` and returns its id.
    func startDiagnostic(_ browser: Browser) async throws -> String {
        let started = try await browser.submit("/diagnostic", [:])
        #expect(started.status == .seeOther)
        let location = try #require(started.location)
        return String(location.dropFirst("/diagnostics/".count).prefix { $0 != "/" })
    }

    /// Answers every page, choosing with `pick` among each theme question's options.
    func answerAll(
        _ browser: Browser, id: String, upTo last: Int? = nil,
        pick: (EclairageDomain.Question) -> EclairageDomain.Option
    ) async throws {
        let pages = services.questionnaire.pages
        var profile = Answers()
        for (index, page) in pages.enumerated() where index < last ?? pages.count {
            var fields: [String: String] = ["direction": "next"]
            switch page {
            case .profile(let questions):
                for question in questions {
                    fields["q.\(question.id)"] = question.kind == .departement ? "37" : question.options.first?.id
                    profile.choices[question.id] = fields["q.\(question.id)"].map { [$0] }
                }
            case .tools:
                break
            case .theme(let theme, _):
                // only the questions the usages checked lead to (the others are refused)
                for question in theme.questions where question.isAsked(given: profile) {
                    fields["q.\(question.id)"] = pick(question).id
                }
            }
            let saved = try await browser.submit("/diagnostics/\(id)/etape/\(index + 1)", fields)
            #expect(saved.status == .seeOther, "page \(index + 1): \(saved.status)")
        }
    }
}

@Suite("Diagnostic: flow, resume, report, bad input, access")
struct DiagnosticFlowTests {
    @Test("A new visitor answers everything page by page and reads a kind report")
    func wholeFlow() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let intro = try await visitor.get("/diagnostic")
            #expect(intro.text.contains("Diagnostic numérique de l&#39;association"))
            let id = try await app.startDiagnostic(visitor)
            let first = try await visitor.get("/diagnostics/\(id)/etape/1")
            #expect(first.status == .ok)
            #expect(first.text.contains("C&#39;est parti !"))
            #expect(first.text.contains("/diagnostic/reprendre/"))  // the resume link, shown on the first page
            let third = try await visitor.get("/diagnostics/\(id)/etape/3")
            #expect(third.text.contains("Thème 1 sur 10"))
            try await app.answerAll(visitor, id: id) { q in q.worstOption }
            let report = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(report.status == .ok)
            #expect(report.text.contains(#"<span class="level-badge level-E">E</span>"#))
            #expect(report.text.contains("Tout est à construire : de petites étapes changeront déjà beaucoup"))
            #expect(report.text.contains(#"<svg xmlns="http://www.w3.org/2000/svg""#))
            #expect(report.text.contains("<caption>Score de chaque thème sur 100</caption>"))
            #expect(report.text.contains("à sécuriser"))
            #expect(report.text.contains("sera effacé le"))
            let steps = report.text.components(separatedBy: "<li class=\"").count - 1
            #expect((3...5).contains(steps))
            #expect(!report.text.contains("Quelques questions restent sans réponse"))
        }
    }

    @Test("Answers are saved at each page; the resume link opens them in another browser, and only there")
    func resume() async throws {
        try await withApp { app in
            let first = app.browser()
            let id = try await app.startDiagnostic(first)
            let page = try await first.get("/diagnostics/\(id)/etape/1")
            let start = try #require(page.text.range(of: "/diagnostic/reprendre/"))
            let resumePath = String(page.text[start.lowerBound...].prefix { $0 != "\"" })
            let question = app.services.questionnaire.themes[0].questions[0]
            _ = try await first.submit(
                "/diagnostics/\(id)/etape/3", ["q.\(question.id)": question.options[1].id, "direction": "next"])
            // a stranger without the link
            let stranger = app.browser()
            #expect(try await stranger.get("/diagnostics/\(id)/etape/3").status == .notFound)
            #expect(try await stranger.get("/diagnostics/\(id)/rapport").status == .notFound)
            // the same person on another device, with the link
            let other = app.browser()
            let resumed = try await other.get(resumePath)
            #expect(resumed.status == .seeOther)
            #expect(resumed.location == "/diagnostics/\(id)/etape/1")
            let third = try await other.get("/diagnostics/\(id)/etape/3")
            #expect(
                third.text.contains(
                    #"id="\#(question.id)--\#(question.options[1].id)" name="q.\#(question.id)" value="\#(question.options[1].id)" checked"#
                ))
            #expect(try await app.browser().get("/diagnostic/reprendre/faux-jeton").status == .notFound)
            // the link by e-mail, to the holder only
            let mailed = try await first.submit(
                "/diagnostics/\(id)/lien-par-courriel", ["email": "tresoriere@example.org"])
            #expect(mailed.status == .seeOther)
            let mail = try #require(try await app.mails().last)
            #expect(mail.to == "tresoriere@example.org")
            #expect(mail.body.contains(resumePath))
            #expect(
                try await stranger.submit("/diagnostics/\(id)/lien-par-courriel", ["email": "x@example.org"]).status
                    == .notFound)
            #expect(
                try await first.submit("/diagnostics/\(id)/lien-par-courriel", ["email": "pas-une-adresse"]).location
                    == "/diagnostics/\(id)/etape/1")
        }
    }

    @Test("Bad answers: French message, nothing stored, no 500")
    func badInput() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let themes = app.services.questionnaire.themes
            let q1 = themes[0].questions[0]
            let q2 = themes[1].questions[0]
            let cases: [[String: String]] = [
                ["q.inconnue": "x"],
                ["q.\(q1.id)": "option-inexistante"],
                ["q.\(q2.id)": q2.options[0].id],  // a question of another page
                ["q.\(q1.id)": q2.options[0].id + "<script>"],
            ]
            for fields in cases {
                let page = try await visitor.submit(
                    "/diagnostics/\(id)/etape/3", fields.merging(["direction": "next"]) { $1 })
                #expect(page.status == .unprocessableContent)
                #expect(page.text.contains("rien n&#39;a été enregistré"))
            }
            #expect(try await visitor.submit("/diagnostics/\(id)/etape/99", [:]).status == .notFound)
            #expect(try await visitor.submit("/diagnostics/\(id)/etape/abc", [:]).status == .notFound)
            let departement = try await visitor.submit("/diagnostics/\(id)/etape/1", ["q.departement": "999"])
            #expect(departement.status == .unprocessableContent)
            let stored = try await app.services.database.read { try await DiagnosticQueries.answers(of: id, in: $0) }
            #expect(stored.choices.isEmpty)
        }
    }

    @Test("Attached to an association: members and granted advisors read it, others cannot; retaking shows progress")
    func attachedAccessAndProgress() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let id = try await app.startDiagnostic(alice)
            try await app.answerAll(alice, id: id) { q in q.worstOption }
            #expect(
                try await alice.submit("/diagnostics/\(id)/rattacher", ["association": association]).status == .seeOther
            )
            #expect(try await alice.get("/diagnostics/\(id)/rapport").text.contains("Le diagnostic est rattaché"))
            // an outsider cannot attach to an association that is not theirs, nor read
            let eve = try await app.signedUpBrowser(name: "Eve", email: "eve@example.org")
            #expect(try await eve.get("/diagnostics/\(id)/rapport").status == .notFound)
            // an advisor sees it only once access is granted
            let carol = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await carol.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            #expect(try await carol.get("/diagnostics/\(id)/rapport").status == .notFound)
            _ = try await app.grant(alice, association: association, body: body)
            #expect(try await carol.get("/diagnostics/\(id)/rapport").status == .ok)
            // the advisor runs a second diagnostic with the association during an interview, an hour later
            app.advance(3600)
            let second = try await carol.submit("/associations/\(association)/diagnostics", [:])
            let secondID = String(try #require(second.location).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            try await app.answerAll(carol, id: secondID) { q in q.bestOption }
            let report = try await alice.get("/diagnostics/\(secondID)/rapport")
            #expect(report.status == .ok)
            #expect(report.text.contains("<th scope=\"col\">Précédent</th>"))
            #expect(report.text.contains("la moyenne passe de"))
            let page = try await alice.get("/associations/\(association)")
            #expect(page.text.components(separatedBy: "Diagnostic du").count - 1 == 2)
        }
    }

    @Test(
        "A retake starts from the association's profile and the previous profile page; with 'reprendre', from every answer"
    )
    func retakePrefilled() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(
                try await alice.submit(
                    "/associations/nouvelle",
                    [
                        "name": "Chorale", "size": "50-a-199", "staff": "1-2", "budget": "1000-10000",
                        "sector": "culture", "postcode": "37000",
                    ]))
            // the first diagnostic, with no earlier one: the association's profile only
            let first = String(
                try #require(try await alice.submit("/associations/\(association)/diagnostics", [:]).location)
                    .dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            let page = try await alice.get("/diagnostics/\(first)/etape/1")
            #expect(page.text.contains(#"id="taille--50-a-199" name="q.taille" value="50-a-199" checked"#))
            #expect(page.text.contains(#"id="salaries--1-a-2" name="q.salaries" value="1-a-2" checked"#))
            #expect(page.text.contains(#"id="secteur--culture" name="q.secteur" value="culture" checked"#))
            #expect(page.text.contains(#"<option value="37" selected>"#))
            try await app.answerAll(alice, id: first) { q in q.bestOption }
            let firstReport = try await alice.get("/diagnostics/\(first)/rapport")
            #expect(firstReport.text.contains(#"<span class="level-badge level-A">A</span>"#))
            app.advance(60)
            // a plain retake: the profile page is filled, the themes are not
            let association_page = try await alice.get("/associations/\(association)")
            #expect(association_page.text.contains("Repartir aussi de toutes les réponses du dernier diagnostic"))
            let plain = String(
                try #require(try await alice.submit("/associations/\(association)/diagnostics", [:]).location)
                    .dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            let plainPage = try await alice.get("/diagnostics/\(plain)/etape/1")
            #expect(plainPage.text.contains(#"value="50-a-199" checked"#))
            #expect(try await alice.get("/diagnostics/\(plain)/etape/3").text.contains(" checked") == false)
            // "reprendre": every answer, so the report is the same until something changes
            app.advance(60)
            let again = String(
                try #require(
                    try await alice.submit("/associations/\(association)/diagnostics", ["reprendre": "1"]).location
                ).dropFirst("/diagnostics/".count).prefix { $0 != "/" })
            let report = try await alice.get("/diagnostics/\(again)/rapport")
            #expect(report.text.contains(#"<span class="level-badge level-A">A</span>"#))
            #expect(try await alice.get("/diagnostics/\(again)/etape/3").text.contains(" checked"))
        }
    }

    @Test("The tools page asks only about the usages checked; unchecking a usage drops its tools from the advice")
    func toolsFollowUsages() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let all = try await visitor.get("/diagnostics/\(id)/etape/2")
            #expect(all.text.components(separatedBy: "<fieldset>").count - 1 == 18)  // nothing said yet: every list
            _ = try await visitor.submit(
                "/diagnostics/\(id)/etape/1",
                ["q.usages": "group-chat", "q.budget": "moins-de-1000", "direction": "next"])
            let tools = try await visitor.get("/diagnostics/\(id)/etape/2")
            #expect(tools.text.components(separatedBy: "<fieldset>").count - 1 == 1)
            #expect(tools.text.contains("Pour discuter en groupe"))
            #expect(!tools.text.contains("Pour tenir la comptabilité"))
            // a list the page does not show cannot be answered
            let hidden = try await visitor.submit(
                "/diagnostics/\(id)/etape/2", ["q.outils-accounting": "paheko", "direction": "next"])
            #expect(hidden.status == .unprocessableContent)
            #expect(
                try await visitor.submit(
                    "/diagnostics/\(id)/etape/2", ["q.outils-group-chat": "whatsapp", "direction": "next"]
                ).status == .seeOther)
            // "nothing of this": the tools page says there is nothing to ask, and WhatsApp no longer counts
            _ = try await visitor.submit("/diagnostics/\(id)/etape/1", ["q.usages": "aucun", "direction": "next"])
            let none = try await visitor.get("/diagnostics/\(id)/etape/2")
            #expect(none.text.contains("Vous n&#39;avez coché aucun usage"))
            let answers = try await app.services.database.read { try await DiagnosticQueries.answers(of: id, in: $0) }
            #expect(!answers.tags(in: app.services.questionnaire).contains("uses:whatsapp"))
        }
    }

    @Test(
        "A diagnostic started on this device is offered on the association's page, to attach without starting over; a planted id shows nothing"
    )
    func attachFromAssociationPage() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            try await app.answerAll(visitor, id: id) { q in q.bestOption }
            _ = try await visitor.submit(
                "/inscription",
                ["display_name": "Alice", "email": "alice@example.org", "password": "lampe tulipe orage cheval"])
            let association = try associationID(try await visitor.submit("/associations/nouvelle", ["name": "Chorale"]))
            let page = try await visitor.get("/associations/\(association)")
            #expect(page.text.contains("Commencé sur cet appareil ?"))
            #expect(page.text.contains(#"<form method="post" action="/diagnostics/\#(id)/rattacher" class="inline">"#))
            // another browser, with the id but not the token, sees nothing
            let bob = try await app.signedUpBrowser(name: "Bob", email: "bob@example.org")
            let other = try associationID(try await bob.submit("/associations/nouvelle", ["name": "Fanfare"]))
            bob.setCookie(DeviceDiagnostics.cookieName, "\(id):planted")
            #expect(!(try await bob.get("/associations/\(other)")).text.contains("Commencé sur cet appareil"))
            #expect(try await bob.submit("/diagnostics/\(id)/rattacher", ["association": other]).status == .notFound)
            // attached from the association's page: kept, listed, no longer offered
            let attached = try await visitor.submit("/diagnostics/\(id)/rattacher", ["association": association])
            #expect(attached.location == "/diagnostics/\(id)/rapport")
            let after = try await visitor.get("/associations/\(association)")
            #expect(!after.text.contains("Commencé sur cet appareil"))
            #expect(after.text.contains(#"<a href="/diagnostics/\#(id)/rapport">"#))
        }
    }

    @Test(
        "Once page 1 is answered, each page announces the time of this path; theme questions follow the usages checked"
    )
    func pathTimeAndFoldedQuestions() async throws {
        try await withApp { app in
            let questionnaire = app.services.questionnaire
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            // before page 1 is answered: the typical figure on the intro, no path figure on page 2
            let before = try await visitor.get("/diagnostics/\(id)/etape/2")
            #expect(!before.text.contains("D&#39;après les usages cochés"))
            let saved = try await visitor.submit(
                "/diagnostics/\(id)/etape/1", ["q.usages": "group-chat", "direction": "next"])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/diagnostics/\(id)/etape/2")
            let answers = Answers(["usages": ["group-chat"]])
            let path = DiagnosticDuration.estimate(questionnaire, answers: answers)
            #expect(path.announced < DiagnosticDuration.estimate(questionnaire).announced)
            let tools = try await visitor.get("/diagnostics/\(id)/etape/2")
            #expect(tools.text.contains("votre diagnostic prend environ \(path.announced) min en tout"))
            let communicationPage =
                try #require(
                    questionnaire.pages.firstIndex {
                        if case .theme(let theme, _) = $0 { return theme.id == "communication" }
                        return false
                    }) + 1
            let left = DiagnosticDuration.estimate(questionnaire, answers: answers, fromPage: communicationPage)
            let page = try await visitor.get("/diagnostics/\(id)/etape/\(communicationPage)")
            #expect(page.text.contains("il en reste environ \(left.announced)."))
            // the website's questions are folded under the website usage: not shown, and refused if sent
            #expect(!page.text.contains("q.com-site-mise-a-jour"))
            #expect(page.text.contains("q.com-prevenir"))
            let hidden = try await visitor.submit(
                "/diagnostics/\(id)/etape/\(communicationPage)",
                ["q.com-site-mise-a-jour": "prestataire", "direction": "next"])
            #expect(hidden.status == .unprocessableContent)
            #expect(hidden.text.contains("rien n&#39;a été enregistré"))
            // checking the website on page 1 brings them back
            _ = try await visitor.submit("/diagnostics/\(id)/etape/1", ["q.usages": "website", "direction": "next"])
            let again = try await visitor.get("/diagnostics/\(id)/etape/\(communicationPage)")
            #expect(again.text.contains("q.com-site-mise-a-jour"))
            let ok = try await visitor.submit(
                "/diagnostics/\(id)/etape/\(communicationPage)",
                ["q.com-site-mise-a-jour": "prestataire", "direction": "next"])
            #expect(ok.status == .seeOther)
        }
    }

    @Test("Exports and deletion")
    func exportAndDelete() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            try await app.answerAll(visitor, id: id) { q in q.options[0] }
            let json = try await visitor.get("/diagnostics/\(id)/export.json")
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let object = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any]
            #expect(object?["questionnaireVersion"] as? String == app.services.questionnaire.version)
            #expect((object?["themes"] as? [[String: Any]])?.count == 10)
            let csv = try await visitor.get("/diagnostics/\(id)/export.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("theme,question,question_text,option,answer,score\r\n"))
            #expect(try await app.browser().get("/diagnostics/\(id)/export.csv").status == .notFound)
            #expect(try await visitor.submit("/diagnostics/\(id)/supprimer", [:]).status == .seeOther)
            #expect(try await visitor.get("/diagnostics/\(id)/rapport").status == .notFound)
        }
    }

    @Test("Anonymous diagnostics past their date are purged; attached ones stay")
    func expiry() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let old = try await app.startDiagnostic(visitor)
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let attached = try await app.startDiagnostic(alice)
            #expect(
                try await alice.submit("/diagnostics/\(attached)/rattacher", ["association": association]).status
                    == .seeOther)
            app.advance(89 * 24 * 3600)
            _ = try await app.startDiagnostic(app.browser())
            #expect(try await app.services.database.read { try await DiagnosticQueries.find(id: old, in: $0) } != nil)
            app.advance(2 * 24 * 3600)  // past the 90 days
            _ = try await app.startDiagnostic(app.browser())
            #expect(try await app.services.database.read { try await DiagnosticQueries.find(id: old, in: $0) } == nil)
            #expect(try await visitor.get("/diagnostics/\(old)/rapport").status == .notFound)
            #expect(
                try await app.services.database.read { try await DiagnosticQueries.find(id: attached, in: $0) } != nil)
        }
    }

    @Test("Deleting asks first; the CSV exists for French spreadsheets; a finished diagnostic's link opens its report")
    func smallThings() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let first = try await visitor.get("/diagnostics/\(id)/etape/1")
            let resume = try #require(first.text.firstMatch(of: /\/diagnostic\/reprendre\/[a-z0-9]+/)).0
            try await app.answerAll(visitor, id: id) { q in q.options[0] }
            let report = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(report.text.contains(#"<a href="/diagnostics/\#(id)/supprimer">Supprimer ce diagnostic</a>"#))
            let confirm = try await visitor.get("/diagnostics/\(id)/supprimer")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("Supprimer ce diagnostic ?"))
            #expect(try await app.services.database.read { try await DiagnosticQueries.find(id: id, in: $0) } != nil)
            let semicolons = try await visitor.get("/diagnostics/\(id)/export.csv?separateur=point-virgule")
            #expect(semicolons.text.contains("theme;question;question_text;option;answer;score\r\n"))
            let commas = try await visitor.get("/diagnostics/\(id)/export.csv")
            #expect(commas.text.contains("theme,question,question_text,option,answer,score\r\n"))
            let elsewhere = app.browser()
            #expect(try await elsewhere.get(String(resume)).location == "/diagnostics/\(id)/rapport")
            #expect(try await visitor.submit("/diagnostics/\(id)/supprimer", [:]).status == .seeOther)
            #expect(try await app.services.database.read { try await DiagnosticQueries.find(id: id, in: $0) } == nil)
        }
    }

    @Test("A partial diagnostic with the best answers on one theme does not claim a level; it says what is missing")
    func partialReport() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let theme = app.services.questionnaire.themes[0]
            var fields = ["direction": "next"]
            for question in theme.questions { fields["q.\(question.id)"] = question.bestOption.id }
            #expect(try await visitor.submit("/diagnostics/\(id)/etape/3", fields).status == .seeOther)
            let report = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(!report.text.contains("level-badge"))
            #expect(
                report.text.contains(
                    "Le niveau d&#39;ensemble n&#39;est pas encore connu : il le sera quand 7 thèmes sur 10 auront au moins la moitié de leurs réponses (aujourd&#39;hui : 1)."
                ))
            #expect(report.text.contains("Thèmes à compléter :"))
            #expect(report.text.contains(#"<li><a href="/diagnostics/\#(id)/etape/4">"#))
            // the settled theme is not listed
            #expect(!report.text.contains(#"<li><a href="/diagnostics/\#(id)/etape/3">"#))
            #expect(report.text.contains("Pas de réponse pour ce thème."))
        }
    }

    @Test(
        "From an anonymous report to a kept diagnostic: sign up, create the association, attach, coming back to the report each time"
    )
    func keepPath() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let report = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(
                report.text.contains(#"<a href="/inscription?retour=/diagnostics/\#(id)/rapport">Créer un compte</a>"#))
            let signUpPage = try await visitor.get("/inscription?retour=/diagnostics/\(id)/rapport")
            #expect(
                signUpPage.text.contains(#"<input type="hidden" name="retour" value="/diagnostics/\#(id)/rapport">"#))
            let signedUp = try await visitor.submit(
                "/inscription",
                [
                    "display_name": "Alice", "email": "alice@example.org", "password": "lampe tulipe orage cheval",
                    "retour": "/diagnostics/\(id)/rapport",
                ])
            #expect(signedUp.location == "/diagnostics/\(id)/rapport")
            let signedIn = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(signedIn.text.contains(#"<a href="/associations/nouvelle?retour=/diagnostics/\#(id)/rapport">"#))
            let created = try await visitor.submit(
                "/associations/nouvelle", ["name": "Chorale", "retour": "/diagnostics/\(id)/rapport"])
            #expect(created.location == "/diagnostics/\(id)/rapport")
            let withAssociation = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(withAssociation.text.contains("Rattacher ce diagnostic à"))
            #expect(!withAssociation.text.contains("?retour="))
            // a return path that leaves the site is ignored
            let elsewhere = try await app.browser().submit(
                "/connexion",
                ["email": "alice@example.org", "password": "lampe tulipe orage cheval", "retour": "//evil.example/x"])
            #expect(elsewhere.location == "/associations")
        }
    }
}
