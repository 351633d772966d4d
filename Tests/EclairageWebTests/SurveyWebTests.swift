import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The field survey through the router: the network writes it, associations answer by its link,
/// the results keep to the observatory's rules.
@Suite("Field survey: form, answers, closed link, protected results")
struct SurveyWebTests {
    /// A survey open on the tests' day (Tuesday 17 November 2026) to 30 November, with each kind of question.
    static func fields(
        title: String = "Vos besoins numériques", territory: String = "whole", opens: String = "2026-11-17",
        closes: String = "2026-11-30"
    ) -> [String: String] {
        [
            "title": title, "introduction": "Quatre questions, cinq minutes.", "territory": territory,
            "opens": opens, "closes": closes,
            "question-1-text": "Qu'est-ce qui vous freine ?", "question-1-kind": "single",
            "question-1-options": "Le temps\nLe budget", "question-1-required": "1",
            "question-2-text": "Quels sujets ?", "question-2-kind": "multiple", "question-2-options": "RGPD\nSécurité",
            "question-3-text": "À l'aise ?", "question-3-kind": "scale",
            "question-4-text": "Un mot ?", "question-4-kind": "text",
        ]
    }

    /// The instance's administrator, signed in: the network.
    static func network(_ app: TestApp) async throws -> Browser {
        _ = try await Admins.create(
            email: "reseau@example.org", name: "Réseau", password: "phrase de passe du réseau", services: app.services)
        let browser = app.browser()
        _ = try await browser.submit(
            "/connexion", ["email": "reseau@example.org", "password": "phrase de passe du réseau"])
        return browser
    }

    /// The survey the form made (the example data file's is there too).
    static func made(_ app: TestApp) async throws -> SurveyRow {
        try #require(
            try await app.services.database.read { try await SurveyQueries.all(in: $0) }.first { $0.source == nil })
    }

    static func responses(_ app: TestApp, _ survey: SurveyRow) async throws -> [SurveyResponseRow] {
        try await app.services.database.read { try await SurveyQueries.responses(of: survey.id, in: $0) }
    }

    /// The page's text with apostrophes as typed (templates escape them).
    static func read(_ page: Browser.Page) -> String { page.text.replacingOccurrences(of: "&#39;", with: "'") }

    /// An answer without an account, from a new browser.
    @discardableResult
    static func answer(
        _ app: TestApp, _ survey: SurveyRow, departement: String, choice: String = "1", text: String = ""
    ) async throws -> Browser.Page {
        let browser = app.browser()
        _ = try await browser.get("/enquetes/\(survey.token)")
        return try await browser.submit(
            "/enquetes/\(survey.token)",
            pairs: [
                ("departement", departement), ("q-q1", choice), ("q-q2", "1"), ("q-q2", "2"), ("q-q3", "4"),
                ("q-q4", text),
            ])
    }

    @Test("The network's form: errors shown with nothing typed lost, then 303 and a message; editable until answered")
    func adminForm() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            #expect(try await network.get("/enquetes/nouvelle").status == .ok)
            var wrong = Self.fields(title: "", closes: "2026-11-01")
            wrong["question-1-options"] = "Le temps"
            let refused = try await network.submit("/enquetes/nouvelle", wrong)
            #expect(refused.status == .unprocessableContent)
            #expect(Self.read(refused).contains("Donnez un titre à l'enquête."))
            #expect(Self.read(refused).contains("La clôture doit tomber le jour de l'ouverture ou après."))
            #expect(Self.read(refused).contains("Donnez de 2 à 12 réponses possibles"))
            #expect(
                Self.read(refused).contains("Quels sujets ?")
                    && Self.read(refused).contains("Quatre questions, cinq minutes."))
            let created = try await network.submit("/enquetes/nouvelle", Self.fields())
            #expect(created.status == .seeOther)
            #expect(created.location == "/enquetes")
            let list = try await network.get("/enquetes")
            #expect(Self.read(list).contains("L'enquête est créée."))
            #expect(
                Self.read(list).contains("Vos besoins numériques")
                    && Self.read(list).contains("Vos besoins numériques pour 2027"))
            let survey = try await Self.made(app)
            #expect(survey.survey.questions.map(\.kind) == [.single, .multiple, .scale, .text])
            let edit = try await network.get("/enquetes/\(survey.id)/modifier")
            #expect(edit.status == .ok && Self.read(edit).contains("Le temps\nLe budget"))
            let updated = try await network.submit(
                "/enquetes/\(survey.id)/modifier", Self.fields(title: "Vos besoins numériques en 2027"))
            #expect(updated.status == .seeOther)
            #expect(Self.read(try await network.get("/enquetes")).contains("L'enquête est modifiée."))
            try await Self.answer(app, survey, departement: "37")
            #expect(try await network.get("/enquetes/\(survey.id)/modifier").status == .conflict)
            let late = try await network.submit("/enquetes/\(survey.id)/modifier", Self.fields(title: "Autre"))
            #expect(late.status == .conflict)
            #expect(try await Self.made(app).survey.title == "Vos besoins numériques en 2027")
            // A data file's survey is changed in its file, not in the form.
            let fromFile = try #require(
                try await app.services.database.read { try await SurveyQueries.all(in: $0) }.first { $0.source != nil })
            #expect(try await network.get("/enquetes/\(fromFile.id)/modifier").status == .conflict)
        }
    }

    @Test("Without an account: one answer per browser, changed by sending again; bad input keeps what was typed")
    func anonymous() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            _ = try await network.submit("/enquetes/nouvelle", Self.fields(territory: "departement 37"))
            let survey = try await Self.made(app)
            let visitor = app.browser()
            let page = try await visitor.get("/enquetes/\(survey.token)")
            #expect(page.status == .ok && Self.read(page).contains("Département de votre association"))
            #expect(Self.read(page).contains("37 – Indre-et-Loire") && !Self.read(page).contains("69 – Rhône"))
            let bad = try await visitor.submit(
                "/enquetes/\(survey.token)",
                pairs: [
                    ("departement", "69"), ("q-q1", "3"), ("q-q2", "2"), ("q-q4", String(repeating: "é", count: 2001)),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.read(bad).contains("Choisissez le département de votre association"))
            #expect(Self.read(bad).contains("Choisissez parmi les réponses proposées."))
            #expect(Self.read(bad).contains("Votre texte dépasse 2 000 caractères."))
            #expect(Self.read(bad).contains(#"id="q-q2-2" name="q-q2" value="2" checked"#))
            #expect(try await Self.responses(app, survey).isEmpty)
            let sent = try await visitor.submit(
                "/enquetes/\(survey.token)", pairs: [("departement", "37"), ("q-q1", "1"), ("q-q3", "2")])
            #expect(sent.status == .seeOther)
            #expect(sent.setCookies.contains { $0.hasPrefix("enquete-") && $0.contains("HttpOnly") })
            let again = try await visitor.get(try #require(sent.location))
            #expect(Self.read(again).contains("Votre réponse est enregistrée"))
            #expect(Self.read(again).contains("Vous avez déjà répondu"))
            #expect(Self.read(again).contains(#"id="q-q1-1" name="q-q1" value="1" checked"#))
            let changed = try await visitor.submit(
                "/enquetes/\(survey.token)", pairs: [("departement", "37"), ("q-q1", "2"), ("q-q4", "Merci")])
            #expect(changed.status == .seeOther)
            let rows = try await Self.responses(app, survey)
            #expect(rows.count == 1)
            #expect(rows.first?.answers == .init(choices: ["q1": ["2"]], texts: ["q4": "Merci"]))
            #expect(rows.first?.respondent.hasPrefix("navigateur:") == true)
            // Another browser is another answer.
            try await Self.answer(app, survey, departement: "37")
            #expect(try await Self.responses(app, survey).count == 2)
        }
    }

    @Test("A member answers for one of their associations, once per association; a forged association is refused")
    func member() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            _ = try await network.submit("/enquetes/nouvelle", Self.fields(territory: "departement 37"))
            let survey = try await Self.made(app)
            let owner = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(
                try await owner.submit("/associations/nouvelle", ["name": "Chorale", "departement": "37"]))
            _ = try await owner.submit("/associations/nouvelle", ["name": "Club lyonnais", "departement": "69"])
            let outsider = try await app.signedUpBrowser(name: "Eve", email: "eve@example.org")
            let other = try associationID(
                try await outsider.submit("/associations/nouvelle", ["name": "Autre", "departement": "37"]))
            _ = try await owner.submit("/associations/nouvelle", ["name": "Sans adresse"])
            let page = try await owner.get("/enquetes/\(survey.token)")
            #expect(Self.read(page).contains("Vous répondez pour") && Self.read(page).contains("Chorale"))
            #expect(Self.read(page).contains("indiquez son département dans son profil"))
            #expect(page.text.contains(">Sans adresse</a>"))
            #expect(!Self.read(page).contains("Club lyonnais"), "an association outside the territory is not offered")
            let forged = try await owner.submit(
                "/enquetes/\(survey.token)", pairs: [("association", other), ("q-q1", "1")])
            #expect(forged.status == .unprocessableContent)
            #expect(Self.read(forged).contains("Choisissez l'une de vos associations"))
            #expect(!Self.read(forged).contains("Autre"))
            let missing = try await owner.submit("/enquetes/\(survey.token)", pairs: [("association", association)])
            #expect(
                missing.status == .unprocessableContent
                    && Self.read(missing).contains("Cette question attend une réponse."))
            let sent = try await owner.submit(
                "/enquetes/\(survey.token)", pairs: [("association", association), ("q-q1", "1")])
            #expect(sent.status == .seeOther)
            _ = try await owner.submit(
                "/enquetes/\(survey.token)", pairs: [("association", association), ("q-q1", "2")])
            let rows = try await Self.responses(app, survey)
            #expect(rows.count == 1)
            #expect(rows.first?.respondent == "association:\(association)")
            #expect(rows.first?.departement == "37" && rows.first?.answers.choices["q1"] == ["2"])
        }
    }

    @Test("Before it opens the link says so (403); after it closes, 410 and a message, and nothing is saved")
    func closedLink() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            _ = try await network.submit("/enquetes/nouvelle", Self.fields(opens: "2026-11-18", closes: "2026-11-20"))
            let survey = try await Self.made(app)
            let early = try await app.browser().get("/enquetes/\(survey.token)")
            #expect(early.status == .forbidden && Self.read(early).contains("pas encore ouverte"))
            #expect(!Self.read(early).contains("Qu'est-ce qui vous freine"))
            // The network opens a survey now, then closes it.
            let made = try await network.submit(
                "/enquetes/nouvelle", Self.fields(title: "Deuxième", opens: "2026-11-25"))
            #expect(made.status == .seeOther, "\(Self.read(made).split(separator: "<main").last?.prefix(1500) ?? "")")
            let second = try #require(
                try await app.services.database.read { try await SurveyQueries.all(in: $0) }.first {
                    $0.survey.title == "Deuxième"
                })
            #expect(try await network.submit("/enquetes/\(second.id)/etat", ["action": "close"]).status == .seeOther)
            #expect(
                Self.read(try await network.get("/enquetes")).contains(
                    "Cette enquête ne peut pas être ouverte ou close"))
            _ = try await network.submit("/enquetes/\(second.id)/etat", ["action": "open"])
            #expect(try await app.browser().get("/enquetes/\(second.token)").status == .ok)
            _ = try await network.submit("/enquetes/\(second.id)/etat", ["action": "close"])
            #expect(Self.read(try await network.get("/enquetes")).contains("L'enquête est close"))
            #expect(try await app.browser().get("/enquetes/\(second.token)").status == .gone)
            app.advance(86_400)
            #expect(try await Self.answer(app, survey, departement: "37").status == .seeOther)
            app.advance(4 * 86_400)
            let closed = try await app.browser().get("/enquetes/\(survey.token)")
            #expect(closed.status == .gone)
            #expect(Self.read(closed).contains("Cette enquête est close"))
            #expect(!Self.read(closed).contains("Qu'est-ce qui vous freine"))
            #expect(try await Self.answer(app, survey, departement: "37").status == .gone)
            #expect(try await Self.responses(app, survey).count == 1)
            #expect(try await app.browser().get("/enquetes/inconnue0123456789abcdef").status == .notFound)
        }
    }

    @Test("Four answers in a département are hidden, and the total minus the other département cannot reveal them")
    func kRule() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            _ = try await network.submit("/enquetes/nouvelle", Self.fields())
            let survey = try await Self.made(app)
            for _ in 0..<4 { try await Self.answer(app, survey, departement: "37") }
            for index in 0..<8 { try await Self.answer(app, survey, departement: "41", choice: index < 5 ? "1" : "2") }
            let results = try await network.get("/enquetes/\(survey.id)/resultats")
            #expect(results.status == .ok)
            let responses = try #require(Self.read(results).firstMatch(of: /Réponses reçues<\/th>(.*?)<\/tr>/)?.1)
            let cells = String(responses).matches(of: /<td[^>]*>([^<]*)<\/td>/).map { String($0.1) }
            // Columns: the whole instance, the région (Centre-Val de Loire), then 37, then 41: neither the
            // whole nor the région minus 41 gives 37's four answers.
            #expect(Self.read(results).contains("Région Centre-Val de Loire"))
            #expect(cells == ["12", "12", "moins de 5 réponses", "masqué pour qu'on ne puisse pas le déduire"])
            #expect(!results.text.contains("<td>4<") && !results.text.contains("<td>8<"))
            let csv = try await network.get("/enquetes/\(survey.id)/resultats.csv")
            #expect(csv.status == .ok)
            #expect(csv.text.contains("Réponses reçues,Réponses reçues,12,12,moins de 5 réponses,"))
            let figures = csv.text.split(separator: "\r\n").flatMap { $0.split(separator: ",").dropFirst(2) }
            #expect(!figures.contains("4") && !figures.contains("8"), "no département's count in the CSV")
        }
    }

    @Test("Free text is read by the network only: never in the figures, the CSV, nor an advisor's page")
    func freeText() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            _ = try await network.submit("/enquetes/nouvelle", Self.fields())
            let survey = try await Self.made(app)
            for index in 0..<6 {
                try await Self.answer(app, survey, departement: "37", text: index == 0 ? "PHRASE-SECRETE" : "")
            }
            let results = try await network.get("/enquetes/\(survey.id)/resultats")
            #expect(Self.read(results).contains("PHRASE-SECRETE"))
            let csv = try await network.get("/enquetes/\(survey.id)/resultats.csv")
            #expect(!csv.text.contains("PHRASE-SECRETE") && !csv.text.contains("Un mot ?"))
            #expect(csv.text.contains("Qu'est-ce qui vous freine ?"))
            let advisor = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await advisor.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            #expect(try await advisor.get("/enquetes/\(survey.id)/resultats").status == .forbidden, "not vetted yet")
            try await app.services.database.write {
                try await SupportBodyQueries.setVetting(id: body, to: .vetted, note: "", now: app.now(), in: $0)
            }
            let seen = try await advisor.get("/enquetes/\(survey.id)/resultats")
            #expect(seen.status == .ok && Self.read(seen).contains("Qu'est-ce qui vous freine ?"))
            #expect(!Self.read(seen).contains("PHRASE-SECRETE") && !Self.read(seen).contains("Un mot ?"))
        }
    }

    @Test("Answers are kept two years after the survey closes, then the hourly housekeeping deletes them")
    func retention() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            _ = try await network.submit("/enquetes/nouvelle", Self.fields())
            let survey = try await Self.made(app)
            try await Self.answer(app, survey, departement: "37", text: "À garder un temps")
            app.advance(2 * 365 * 86_400)
            try await app.services.database.write { try await Housekeeping.run(now: app.now(), in: $0) }
            #expect(try await Self.responses(app, survey).count == 1, "closed less than two years ago")
            app.advance(30 * 86_400)
            try await app.services.database.write { try await Housekeeping.run(now: app.now(), in: $0) }
            #expect(try await Self.responses(app, survey).isEmpty)
            #expect(try await app.services.database.read { try await SurveyQueries.find(id: survey.id, in: $0) } != nil)
        }
    }

    @Test("First answers without an account are limited per connection (429, what was typed kept); changing one is not")
    func limit() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            _ = try await network.submit("/enquetes/nouvelle", Self.fields())
            let survey = try await Self.made(app)
            let first = app.browser(from: "203.0.113.7")
            _ = try await first.get("/enquetes/\(survey.token)")
            let pairs = [("departement", "37"), ("q-q1", "1"), ("q-q4", "Gardé")]
            #expect(try await first.submit("/enquetes/\(survey.token)", pairs: pairs).status == .seeOther)
            for _ in 1..<FormLimit.surveyAnswer.allowance.perAddress {
                let browser = app.browser(from: "203.0.113.7")
                _ = try await browser.get("/enquetes/\(survey.token)")
                _ = try await browser.submit("/enquetes/\(survey.token)", pairs: pairs)
            }
            let one = app.browser(from: "203.0.113.7")
            _ = try await one.get("/enquetes/\(survey.token)")
            let refused = try await one.submit("/enquetes/\(survey.token)", pairs: pairs)
            #expect(refused.status == .tooManyRequests)
            #expect(Self.read(refused).contains("Trop de réponses à une enquête sans compte"))
            #expect(refused.text.contains("Gardé"))
            #expect(try await Self.responses(app, survey).count == FormLimit.surveyAnswer.allowance.perAddress)
            let changed = try await first.submit(
                "/enquetes/\(survey.token)", pairs: [("departement", "37"), ("q-q1", "2")])
            #expect(changed.status == .seeOther)
        }
    }

    @Test("A data file's survey is made once, keeps its link across starts, and keeps its questions once answered")
    func fileSync() async throws {
        try await withApp { app in
            let services = app.services
            let codes = services.departementCodes
            let content = URL(fileURLWithPath: contentPath)
            let files = try SurveyFile.loadAll(from: content, departements: codes, regions: [])
            let name = files[0].name
            func sync(_ files: [SurveyFile]) async throws {
                try await services.database.transaction {
                    try await SurveyFiles.sync(files, now: app.now(), tokens: services.tokens, in: $0)
                }
            }
            func revised(title: String, closes: String? = nil) -> [SurveyFile] {
                var changed = files[0].definition
                changed.title = title
                if let closes { changed.closes = closes }
                return [SurveyFile(name: name, definition: changed)]
            }
            let before = try #require(
                try await services.database.read { try await SurveyQueries.find(source: name, in: $0) })
            try await sync(files)
            let all = try await services.database.read { try await SurveyQueries.all(in: $0) }
            #expect(all.filter { $0.source == name }.count == 1)
            #expect(all.first { $0.source == name }?.token == before.token)
            try await sync(revised(title: "Titre revu"))
            #expect(
                try await services.database.read { try await SurveyQueries.find(id: before.id, in: $0) }?.survey.title
                    == "Titre revu")
            try await services.database.transaction {
                try await SurveyQueries.save(
                    SurveyResponseRow(
                        id: services.tokens.identifier(), surveyId: before.id, respondent: "navigateur:essai",
                        associationId: nil, departement: "37", choices: "{}", texts: "{}", createdAt: app.now(),
                        updatedAt: app.now()), in: $0)
            }
            try await sync(revised(title: "Encore un autre", closes: "2027-03-31"))
            let after = try #require(
                try await services.database.read { try await SurveyQueries.find(id: before.id, in: $0) })
            #expect(after.survey.title == "Titre revu", "answered: the questions stay")
            #expect(after.closesAt > before.closesAt, "the days follow the file")
        }
    }

    @Test("A survey of a région: only its départements answer, and its results are cut by département")
    func region() async throws {
        try await withApp { app in
            let network = try await Self.network(app)
            let form = try await network.get("/enquetes/nouvelle")
            #expect(form.text.contains(#"<option value="region 24">Région Centre-Val de Loire</option>"#))
            _ = try await network.submit("/enquetes/nouvelle", Self.fields(territory: "region 24"))
            let survey = try await Self.made(app)
            let page = try await app.browser().get("/enquetes/\(survey.token)")
            #expect(page.text.contains("37 – Indre-et-Loire") && page.text.contains("45 – Loiret"))
            #expect(!page.text.contains("69 – Rhône"))
            #expect(try await Self.answer(app, survey, departement: "69").status == .unprocessableContent)
            for _ in 0..<5 { try await Self.answer(app, survey, departement: "45") }
            let results = Self.read(try await network.get("/enquetes/\(survey.id)/resultats"))
            #expect(
                results.contains(#"<th scope="col">Région Centre-Val de Loire</th><th scope="col">45 – Loiret</th>"#))
            #expect(results.contains(#"Réponses reçues</th><td>5</td><td>5</td>"#))
        }
    }
}
