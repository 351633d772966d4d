import Crypto
import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Open Badges through the site: an advisor of a vetted body makes its issuer profile and a badge
/// class (pictures checked), awards it by e-mail or to a training's attendees; the JSON-LD objects
/// answer at their own addresses, the PNG carries the assertion, a revoked award answers 410, and the
/// earner reaches their badges through a mailed link and may delete one.
@Suite("Badges: issuing, verification, revocation, earners")
struct BadgeWebTests {
    static let base = "http://127.0.0.1:8080"

    /// A multipart form as the badge pages send it: the token, the fields, then the picture.
    static func upload(
        _ browser: Browser, _ path: String, _ fields: [String: String], image: [UInt8]?, type: String = "image/png"
    ) async throws -> Browser.Page {
        let token = try await browser.csrfToken()
        let boundary = "----eclairage-badge-test"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"image\"; filename=\"badge\"\r\nContent-Type: \(type)\r\n\r\n"
        )
        body.writeBytes(image ?? [])
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await browser.send(path, headers: headers, body: body)
    }

    static let square = PNGSample.png(width: 64, height: 64)

    static let issuerFields = ["name": "PAVA", "url": "https://pava.example.org", "email": "contact@pava.example.org"]
    static let classFields = [
        "class_name": "Sauvegarder ses données", "description": "Met en place une sauvegarde hors site.",
        "criteria": "A restauré un fichier depuis sa sauvegarde.", "framework": "DigComp",
        "target_name": "4.1 Protéger les appareils", "target_url": "https://digcomp.example.eu/4-1",
    ]

    struct Issuing {
        let world: AccessMatrixTests.World
        let advisor: Browser
        let badgeClass: String
    }

    /// The access world (its first body vetted), the body's issuer profile and one badge class.
    static func issuing(_ app: TestApp) async throws -> Issuing {
        let world = try await AccessMatrixTests.world(app)
        let advisor = try #require(world.browsers[.advisor])
        let issuer = try await upload(advisor, "/structures/\(world.body)/badges/emetteur", issuerFields, image: square)
        #expect(issuer.status == .seeOther, "\(issuer.text.prefix(600))")
        let created = try await upload(advisor, "/structures/\(world.body)/badges/classes", classFields, image: square)
        #expect(created.status == .seeOther, "\(created.text.prefix(600))")
        let classes = try await app.services.database.read { try await BadgeQueries.classes(of: world.body, in: $0) }
        return Issuing(world: world, advisor: advisor, badgeClass: try #require(classes.first?.id))
    }

    static func awards(_ app: TestApp, _ body: String) async throws -> [BadgeAwardRow] {
        try await app.services.database.read { try await BadgeQueries.awards(of: body, in: $0) }
    }

    static func json(_ page: Browser.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.bytes)) as? [String: Any])
    }

    @Test(
        "An award's assertion, class and issuer answer as JSON-LD at their own addresses; the hash is sha256 of e-mail and salt"
    )
    func documents() async throws {
        try await withApp { app in
            let issuing = try await Self.issuing(app)
            let awarded = try await issuing.advisor.submit(
                "/badges/classes/\(issuing.badgeClass)/attribuer", ["emails-\(issuing.badgeClass)": "Lea@Example.org"])
            #expect(awarded.status == .seeOther)
            #expect(awarded.location == "/structures/\(issuing.world.body)/badges")
            let award = try #require(try await Self.awards(app, issuing.world.body).first)
            let anonymous = app.browser()
            let page = try await anonymous.get("/badges/assertions/\(award.id)")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/ld+json")
            let assertion = try Self.json(page)
            #expect(assertion["@context"] as? String == "https://w3id.org/openbadges/v2")
            #expect(assertion["type"] as? String == "Assertion")
            #expect(assertion["id"] as? String == "\(Self.base)/badges/assertions/\(award.id)")
            #expect(assertion["badge"] as? String == "\(Self.base)/badges/classes/\(issuing.badgeClass)")
            #expect(assertion["issuedOn"] as? String == "2026-11-17T10:00:00+01:00")
            #expect((assertion["verification"] as? [String: String]) == ["type": "hosted"])
            let recipient = try #require(assertion["recipient"] as? [String: Any])
            let salt = try #require(recipient["salt"] as? String)
            #expect(recipient["type"] as? String == "email")
            #expect(recipient["hashed"] as? Bool == true)
            let expected = SHA256.hash(data: Data(("lea@example.org" + salt).utf8)).map { String(format: "%02x", $0) }
                .joined()
            #expect(recipient["identity"] as? String == "sha256$" + expected)
            #expect(!page.text.contains("lea@example.org"))

            let badgeClass = try Self.json(try await anonymous.get("/badges/classes/\(issuing.badgeClass)"))
            #expect(badgeClass["id"] as? String == "\(Self.base)/badges/classes/\(issuing.badgeClass)")
            #expect(badgeClass["issuer"] as? String == "\(Self.base)/badges/emetteurs/\(issuing.world.body)")
            #expect((badgeClass["criteria"] as? [String: String])?["narrative"] == Self.classFields["criteria"])
            let alignment = try #require((badgeClass["alignment"] as? [[String: String]])?.first)
            #expect(
                alignment == [
                    "targetName": "4.1 Protéger les appareils", "targetUrl": "https://digcomp.example.eu/4-1",
                    "targetFramework": "DigComp",
                ])
            let issuer = try Self.json(try await anonymous.get("/badges/emetteurs/\(issuing.world.body)"))
            #expect(issuer["type"] as? String == "Profile")
            #expect(issuer["id"] as? String == "\(Self.base)/badges/emetteurs/\(issuing.world.body)")
            #expect(issuer["email"] as? String == "contact@pava.example.org")
            let image = try await anonymous.get("/badges/classes/\(issuing.badgeClass)/image")
            #expect(image.headers[.contentType] == "image/png")
            #expect(image.bytes == Self.square)

            // The mail names the page and the download.
            let mail = try #require(try await app.mails().first { $0.to == "lea@example.org" })
            #expect(mail.body.contains("/badges/attributions/\(award.id)"))
            #expect(mail.body.contains("/badges/assertions/\(award.id)/badge"))
        }
    }

    @Test("Each earner is mailed in their own language (their account's, else French), whatever the advisor reads")
    func earnerLanguage() async throws {
        try await withApp { app in
            let issuing = try await Self.issuing(app)
            try await app.services.database.write { sql in
                for email in ["carol@example.org", "bob@example.org"] {
                    let user = try #require(try await UserQueries.find(email: email, in: sql))
                    try await UserQueries.setLocale(userID: user.id, language: .en, in: sql)
                }
            }
            let page = try await issuing.advisor.get("/structures/\(issuing.world.body)/badges")
            #expect(page.text.contains("<html lang=\"en\""))
            let awarded = try await issuing.advisor.submit(
                "/badges/classes/\(issuing.badgeClass)/attribuer",
                ["emails-\(issuing.badgeClass)": "lea@example.org\nbob@example.org"])
            #expect(awarded.status == .seeOther)
            let mails = try await app.mails()
            let lea = try #require(mails.first { $0.to == "lea@example.org" })
            #expect(lea.subject.plain == "Vous avez reçu le badge « Sauvegarder ses données »")
            let bob = try #require(mails.first { $0.to == "bob@example.org" })
            #expect(bob.subject == "You received the badge \"Sauvegarder ses données\"")
        }
    }

    @Test("The downloaded PNG carries the assertion in one uncompressed iTXt chunk `openbadges` before IEND")
    func bakedPNG() async throws {
        try await withApp { app in
            let issuing = try await Self.issuing(app)
            _ = try await issuing.advisor.submit(
                "/badges/classes/\(issuing.badgeClass)/attribuer", ["emails-\(issuing.badgeClass)": "lea@example.org"])
            let award = try #require(try await Self.awards(app, issuing.world.body).first)
            let png = try await app.browser().get("/badges/assertions/\(award.id)/badge")
            #expect(png.status == .ok)
            #expect(png.headers[.contentType] == "image/png")
            let chunks = PNGSample.walk(png.bytes)
            #expect(chunks.map(\.0) == ["IHDR", "IDAT", "iTXt", "IEND"])
            let data = chunks[2].1
            #expect(chunks[2].2 == PNGSample.crc(Array("iTXt".utf8) + data))
            let prefix = Array("openbadges".utf8) + [0, 0, 0, 0, 0]
            #expect(Array(data.prefix(prefix.count)) == prefix)
            let text = try #require(String(validating: data.dropFirst(prefix.count), as: UTF8.self))
            let baked = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(baked["id"] as? String == "\(Self.base)/badges/assertions/\(award.id)")
        }
    }

    @Test("Revoking needs a reason; the assertion then answers 410 with it; reissuing makes a new valid award")
    func revocation() async throws {
        try await withApp { app in
            let issuing = try await Self.issuing(app)
            _ = try await issuing.advisor.submit(
                "/badges/classes/\(issuing.badgeClass)/attribuer", ["emails-\(issuing.badgeClass)": "lea@example.org"])
            let award = try #require(try await Self.awards(app, issuing.world.body).first)
            let bare = try await issuing.advisor.submit("/badges/assertions/\(award.id)/revoquer", [:])
            #expect(bare.status == .unprocessableContent)
            #expect(bare.text.contains("indiquez-en la raison"))
            #expect(bare.raw.contains("<a href=\"#reason-\(award.id)\">"))
            #expect(try await app.browser().get("/badges/assertions/\(award.id)").status == .ok)
            let revoked = try await issuing.advisor.submit(
                "/badges/assertions/\(award.id)/revoquer", ["reason-\(award.id)": "Attribué par erreur"])
            #expect(revoked.status == .seeOther)
            let gone = try await app.browser().get("/badges/assertions/\(award.id)")
            #expect(gone.status == .gone)
            #expect(gone.headers[.contentType] == "application/ld+json")
            let body = try Self.json(gone)
            #expect(body["revoked"] as? Bool == true)
            #expect(body["revocationReason"] as? String == "Attribué par erreur")
            #expect(body["id"] as? String == "\(Self.base)/badges/assertions/\(award.id)")
            let human = try await app.browser().get("/badges/attributions/\(award.id)")
            #expect(human.status == .gone)
            #expect(human.text.contains("Attribué par erreur"))
            #expect(try await app.browser().get("/badges/assertions/\(award.id)/badge").status == .gone)

            let again = try await issuing.advisor.submit("/badges/assertions/\(award.id)/reemettre", [:])
            #expect(again.status == .seeOther)
            let all = try await Self.awards(app, issuing.world.body)
            #expect(all.count == 2)
            let fresh = try #require(all.first { $0.id != award.id })
            #expect(fresh.email == "lea@example.org" && fresh.revokedAt == nil && fresh.salt != award.salt)
            #expect(try await app.browser().get("/badges/assertions/\(fresh.id)").status == .ok)
            // A valid award is not reissued.
            #expect(
                try await issuing.advisor.submit("/badges/assertions/\(fresh.id)/reemettre", [:]).status == .conflict)
            // A year after its revocation, the housekeeping deletes the revoked award; the valid one stays.
            let later = app.now() + 366 * 86_400
            try await app.services.database.write { try await Retention.apply(now: later, in: $0) }
            let kept = try await Self.awards(app, issuing.world.body)
            #expect(kept.map(\.id) == [fresh.id])
        }
    }

    @Test("The human page explains how to verify and compares a typed address with the hash")
    func humanPage() async throws {
        try await withApp { app in
            let issuing = try await Self.issuing(app)
            _ = try await issuing.advisor.submit(
                "/badges/classes/\(issuing.badgeClass)/attribuer", ["emails-\(issuing.badgeClass)": "lea@example.org"])
            let award = try #require(try await Self.awards(app, issuing.world.body).first)
            let page = try await app.browser().get("/badges/attributions/\(award.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Vérifier ce badge"))
            #expect(page.text.contains("\(Self.base)/badges/assertions/\(award.id)"))
            #expect(!page.text.contains("lea@example.org"))
            #expect(
                try await app.browser().get("/badges/attributions/\(award.id)?adresse=Lea%40example.org").text.contains(
                    "Oui : ce badge a été décerné à cette adresse"))
            #expect(
                try await app.browser().get("/badges/attributions/\(award.id)?adresse=paul%40example.org").text
                    .contains("Non : ce badge n&#39;a pas été décerné à cette adresse"))
        }
    }

    @Test("Pictures and fields are checked with a French message each; nothing is saved until all is right")
    func formChecks() async throws {
        try await withApp { app in
            let world = try await AccessMatrixTests.world(app)
            let advisor = try #require(world.browsers[.advisor])
            let path = "/structures/\(world.body)/badges/emetteur"
            let wide = try await Self.upload(
                advisor, path, Self.issuerFields, image: PNGSample.png(width: 200, height: 100))
            #expect(wide.status == .unprocessableContent)
            #expect(wide.text.contains("image doit être carrée"))
            #expect(wide.text.contains("value=\"https://pava.example.org\""))
            let none = try await Self.upload(advisor, path, Self.issuerFields, image: nil)
            #expect(none.text.contains("Choisissez une image PNG ou SVG"))
            let big = try await Self.upload(
                advisor, path, Self.issuerFields, image: PNGSample.png(width: 8, height: 8, padding: 300 * 1024))
            #expect(big.status == .contentTooLarge)
            #expect(big.text.contains("image dépasse 256 Ko"))
            let gif = try await Self.upload(advisor, path, Self.issuerFields, image: Array("GIF89a....".utf8))
            #expect(gif.text.contains("ni une image PNG ni une image SVG"))
            var wrong = Self.issuerFields
            wrong["url"] = "pava"
            wrong["email"] = "non"
            let fields = try await Self.upload(advisor, path, wrong, image: Self.square)
            #expect(fields.status == .unprocessableContent)
            #expect(fields.text.contains("adresse web complète") && fields.text.contains("adresse électronique valide"))
            #expect(try await app.services.database.read { try await BadgeQueries.issuer(world.body, in: $0) } == nil)
            // A class before the profile is refused; an SVG Self.square picture is accepted.
            let early = try await Self.upload(
                advisor, "/structures/\(world.body)/badges/classes", Self.classFields, image: Self.square)
            #expect(early.text.contains("abord le profil"))
            let svg =
                #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="12"/></svg>"#
            #expect(
                try await Self.upload(advisor, path, Self.issuerFields, image: Array(svg.utf8), type: "image/svg+xml")
                    .status
                    == .seeOther)
            // Without a new file the picture stays.
            var renamed = Self.issuerFields
            renamed["name"] = "PAVA Tours"
            #expect(try await Self.upload(advisor, path, renamed, image: nil).status == .seeOther)
            let stored = try #require(
                try await app.services.database.read { try await BadgeQueries.issuer(world.body, in: $0) })
            #expect(stored.name == "PAVA Tours" && stored.imageKind == "svg")
            // Addresses: a wrong one refuses the whole list, with the list kept.
            let created = try await Self.upload(
                advisor, "/structures/\(world.body)/badges/classes", Self.classFields, image: Self.square)
            #expect(created.status == .seeOther)
            let badgeClass = try #require(
                try await app.services.database.read { try await BadgeQueries.classes(of: world.body, in: $0) }.first?
                    .id)
            let refused = try await advisor.submit(
                "/badges/classes/\(badgeClass)/attribuer", ["emails-\(badgeClass)": "lea@example.org\nlea-at-example"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("lea-at-example"))
            #expect(
                refused.raw.contains("<a href=\"#emails-\(badgeClass)\">"), "the shared error summary names the field")
            #expect(try await Self.awards(app, world.body).isEmpty)
        }
    }

    @Test("Only the body's advisors manage its badges, once it is vetted; anyone reads the published objects")
    func access() async throws {
        try await withApp { app in
            let issuing = try await Self.issuing(app)
            let world = issuing.world
            _ = try await issuing.advisor.submit(
                "/badges/classes/\(issuing.badgeClass)/attribuer", ["emails-\(issuing.badgeClass)": "lea@example.org"])
            let award = try #require(try await Self.awards(app, world.body).first)
            let managing: [(String, [String: String]?)] = [
                ("/structures/\(world.body)/badges", nil),
                ("/badges/classes/\(issuing.badgeClass)/attribuer", ["emails-\(issuing.badgeClass)": "x@example.org"]),
                ("/badges/assertions/\(award.id)/revoquer", ["reason-\(award.id)": "Non"]),
                ("/badges/assertions/\(award.id)/reemettre", [:]),
            ]
            for (role, expected) in [
                (AccessMatrixTests.Role.anonymous, HTTPResponse.Status.forbidden), (.outsider, .notFound),
                (.member, .notFound), (.owner, .notFound), (.otherAdvisor, .notFound), (.admin, .notFound),
            ] {
                let browser = try #require(world.browsers[role])
                for (path, fields) in managing {
                    let page =
                        if let fields { try await browser.submit(path, fields) } else { try await browser.get(path) }
                    #expect(page.status == expected, "\(role) \(path)")
                }
                let sent = try await Self.upload(
                    browser, "/structures/\(world.body)/badges/emetteur", Self.issuerFields, image: Self.square)
                #expect(sent.status == expected, "\(role) issuer form")
            }
            #expect(try await Self.awards(app, world.body).count == 1)
            #expect(try await Self.awards(app, world.body).first?.revokedAt == nil)
            // The other body is not vetted: its advisor is told why.
            let other = try #require(world.browsers[.otherAdvisor])
            let refused = try await other.get("/structures/\(world.otherBody)/badges")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("vérifiée par le réseau"))
            for path in [
                "/badges/assertions/\(award.id)", "/badges/classes/\(issuing.badgeClass)",
                "/badges/emetteurs/\(world.body)", "/badges/attributions/\(award.id)", "/badges/mes-badges",
            ] {
                #expect(try await app.browser().get(path).status == .ok, "\(path)")
            }
            #expect(try await app.browser().get("/badges/assertions/inconnu").status == .notFound)
        }
    }

    @Test(
        "An earner asks for a link by mail, lists every badge of the address, downloads, deletes one; the form is rate-limited"
    )
    func earner() async throws {
        try await withApp { app in
            let issuing = try await Self.issuing(app)
            _ = try await issuing.advisor.submit(
                "/badges/classes/\(issuing.badgeClass)/attribuer",
                ["emails-\(issuing.badgeClass)": "lea@example.org\npaul@example.org"])
            let earner = app.browser()
            let asked = try await earner.submit("/badges/mes-badges", ["email": "Lea@example.org"])
            #expect(asked.status == .seeOther)
            #expect(
                try await earner.get(try #require(asked.location)).text.contains(
                    "être envoyé. Il est valable sept jours"))
            // An address without badges reads the same answer and gets no mail.
            let unknown = try await earner.submit("/badges/mes-badges", ["email": "nobody@example.org"])
            #expect(unknown.location == asked.location)
            let mails = try await app.mails()
            #expect(!mails.contains { $0.to == "nobody@example.org" })
            let mail = try #require(mails.last { $0.to == "lea@example.org" && $0.subject.contains("lien") })
            let link = try #require(mail.link("/badges/mes-badges/"))
            let list = try await earner.get(link)
            #expect(list.status == .ok)
            let mine = try await Self.awards(app, issuing.world.body).filter { $0.email == "lea@example.org" }
            let award = try #require(mine.first)
            #expect(list.text.contains("/badges/assertions/\(award.id)/badge"))
            #expect(list.text.contains("Sauvegarder ses données"))
            let paul = try #require(
                try await Self.awards(app, issuing.world.body).first { $0.email == "paul@example.org" })
            #expect(!list.text.contains(paul.id))
            // Deleting: only one's own award; Paul's stays whatever id is sent.
            _ = try await earner.submit(link + "/supprimer", ["award": paul.id])
            #expect(try await app.browser().get("/badges/assertions/\(paul.id)").status == .ok)
            let deleted = try await earner.submit(link + "/supprimer", ["award": award.id])
            #expect(deleted.status == .seeOther)
            #expect(try await app.browser().get("/badges/assertions/\(award.id)").status == .notFound)
            // The link expires after seven days.
            app.advance(7 * 24 * 3600 + 1)
            #expect(try await earner.get(link).status == .notFound)
            // Three links an hour for one address, then a clear refusal.
            let limited = app.browser()
            var last = try await limited.submit("/badges/mes-badges", ["email": "paul@example.org"])
            for _ in 0..<3 { last = try await limited.submit("/badges/mes-badges", ["email": "paul@example.org"]) }
            #expect(last.status == .tooManyRequests)
            #expect(last.text.contains("demandes de lien vers ses badges"))
        }
    }

    @Test(
        "Awarding to a training's attendees: the people marked present at the trainings of the body's place, once each")
    func training() async throws {
        try await withApp { app in
            let setup = try await CalendarWebTests.setUp(app, capacity: 10, daysAhead: 1)
            for name in ["Zoe", "Yann", "Xavier"] {
                #expect(try await CalendarWebTests.register(app, setup.session, name).status == .seeOther)
            }
            // Two days later (the editor signs in again), attendance is marked.
            app.advance(2 * 86_400)
            let editor = app.browser()
            _ = try await editor.submit(
                "/connexion", ["email": "edi@example.org", "password": "lampe tulipe orage cheval"])
            let rows = try await app.services.database.read {
                try await RegistrationQueries.all(of: setup.session, in: $0)
            }
            let present = rows.filter { $0.name != "Xavier" }.map(\.id)
            #expect(
                try await editor.submit(
                    pairs: present.map { ("present", $0) }, to: "/agenda/seances/\(setup.session)/inscrits"
                )
                .status == .seeOther)
            let advisor = try await app.signedUpBrowser(name: "Carol", email: "carol@example.org")
            let body = String(
                try #require(try await advisor.submit("/structures/nouvelle", ["name": "PAVA"]).location).dropFirst(
                    "/structures/".count))
            try await app.services.database.write {
                try await SupportBodyQueries.setVetting(id: body, to: .vetted, note: "", now: app.now(), in: $0)
            }
            #expect(
                try await Self.upload(
                    advisor, "/structures/\(body)/badges/emetteur", Self.issuerFields, image: Self.square
                ).status
                    == .seeOther)
            #expect(
                try await Self.upload(
                    advisor, "/structures/\(body)/badges/classes", Self.classFields, image: Self.square
                ).status
                    == .seeOther)
            let badgeClass = try #require(
                try await app.services.database.read { try await BadgeQueries.classes(of: body, in: $0) }.first?.id)
            let form = "/badges/classes/\(badgeClass)/formation"
            // The training's place is not the body's yet: refused with a message.
            let refused = try await advisor.submit(form, ["training-\(badgeClass)": setup.training])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Choisissez une formation de la liste"))
            let place = try #require(
                try await app.services.database.read { try await CalendarQueries.training(setup.training, in: $0) }?
                    .placeId)
            #expect(
                try await advisor.submit("/structures/\(body)/fiche", ["place": place]).status
                    == .seeOther)
            let awarded = try await advisor.submit(form, ["training-\(badgeClass)": setup.training])
            #expect(awarded.status == .seeOther)
            let made = try await Self.awards(app, body)
            #expect(Set(made.map(\.email)) == ["zoe@example.org", "yann@example.org"])
            #expect(made.allSatisfy { $0.trainingId == setup.training })
            // Again: nobody new.
            let again = try await advisor.submit(form, ["training-\(badgeClass)": setup.training])
            #expect(again.text.contains("Personne de nouveau"))
            #expect(try await Self.awards(app, body).count == 2)

            // An editor may give a training's awards to another body, once it is vetted; nobody else may.
            let other = try await app.signedUpBrowser(name: "Dan", email: "dan@example.org")
            let otherBody = String(
                try #require(try await other.submit("/structures/nouvelle", ["name": "DLA"]).location).dropFirst(
                    "/structures/".count))
            let assign = "/agenda/formations/\(setup.training)/badges"
            #expect(try await advisor.submit(assign, ["support_body": body]).status == .forbidden)
            let unvetted = try await editor.submit(assign, ["support_body": otherBody])
            #expect(unvetted.status == .unprocessableContent)
            #expect(unvetted.text.contains("pas encore vérifiée"))
            try await app.services.database.write {
                try await SupportBodyQueries.setVetting(id: otherBody, to: .vetted, note: "", now: app.now(), in: $0)
            }
            #expect(
                try await app.services.database.read { try await BadgeQueries.trainings(of: otherBody, in: $0) }.isEmpty
            )
            // The editor does it from the training's page: a list of the vetted bodies, sent as it is.
            let page = try await editor.get("/agenda/formations/\(setup.training)")
            #expect(page.text.contains(#"<form method="post" action="\#(assign)">"#))
            #expect(page.text.contains(#"<option value="\#(otherBody)">DLA</option>"#))
            #expect(!(try await advisor.get("/agenda/formations/\(setup.training)").text.contains(assign)))
            let assigned = try await editor.submit(assign, ["support_body": otherBody])
            #expect(assigned.status == .seeOther)
            #expect(assigned.location == "/agenda/formations/\(setup.training)")
            #expect(
                try await editor.get("/agenda/formations/\(setup.training)").text.contains(
                    #"<option value="\#(otherBody)" selected>DLA</option>"#))
            #expect(
                try await app.services.database.read { try await BadgeQueries.trainings(of: otherBody, in: $0) }.map(
                    \.id)
                    == [setup.training])
        }
    }
}

/// PNG samples written byte by byte, with their CRC computed bit by bit (not by the code under test).
enum PNGSample {
    static func png(width: UInt32, height: UInt32, padding: Int = 0) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] {
            [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            be(UInt32(data.count)) + Array(type.utf8) + data + be(crc(Array(type.utf8) + data))
        }
        let header = be(width) + be(height) + [8, 6, 0, 0, 0]
        return [137, 80, 78, 71, 13, 10, 26, 10] + chunk("IHDR", header)
            + chunk("IDAT", Array(repeating: 0, count: padding)) + chunk("IEND", [])
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = (c >> 1) ^ (c & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~c
    }

    /// (type, data, stored CRC) of each chunk, walked by hand.
    static func walk(_ bytes: [UInt8]) -> [(String, [UInt8], UInt32)] {
        var chunks: [(String, [UInt8], UInt32)] = []
        var at = 8
        func u32(_ i: Int) -> UInt32 { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        while at + 12 <= bytes.count {
            let length = Int(u32(at))
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            chunks.append((type, Array(bytes[(at + 8)..<(at + 8 + length)]), u32(at + 8 + length)))
            at += 12 + length
        }
        return chunks
    }
}
