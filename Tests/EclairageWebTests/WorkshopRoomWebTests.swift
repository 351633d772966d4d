import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The live workshop room without JavaScript: whole form exchanges (POST → status → redirect →
/// message), the speaking order, the vote, approvals and removal, closing and its summary.
@Suite("Workshop room: joining, queue, vote, facilitation, closing")
struct WorkshopRoomWebTests {
    struct Room {
        let facilitator: Browser
        let id: String
        let code: String
        let session: String
    }

    /// An editor's training (CalendarWebTests' set-up) and a room opened for its session.
    static func open(_ app: TestApp) async throws -> Room {
        let setup = try await CalendarWebTests.setUp(app)
        return try await open(app, facilitator: setup.editor, session: setup.session)
    }

    static func open(_ app: TestApp, facilitator: Browser, session: String) async throws -> Room {
        let opened = try await facilitator.submit("/agenda/seances/\(session)/salle", [:])
        #expect(opened.status == .seeOther, "\(opened.text.prefix(300))")
        let location = try #require(opened.location)
        let id = String(location.split(separator: "/")[1])
        #expect(location == "/salles/\(id)/animation")
        let page = try await facilitator.get(location)
        #expect(page.text.contains("La salle est ouverte"))
        let code = String(try #require(page.text.firstMatch(of: /<strong>([A-Z0-9]{6})<\/strong>/)).1)
        return Room(facilitator: facilitator, id: id, code: code, session: session)
    }

    /// A new phone joining the room under this name.
    static func join(_ app: TestApp, _ room: Room, _ name: String) async throws -> Browser {
        let phone = app.browser()
        let joined = try await phone.submit("/salle", ["code": room.code.lowercased(), "name": name])
        #expect(joined.status == .seeOther, "\(joined.text.prefix(300))")
        #expect(joined.location == "/salles/\(room.id)")
        return phone
    }

    static func act(_ room: Room, _ fields: [String: String]) async throws -> Browser.Page {
        try await room.facilitator.submit("/salles/\(room.id)/animation", fields)
    }

    static func participantID(_ app: TestApp, _ room: Room, _ name: String) async throws -> String {
        try #require(
            try await app.services.database.read { try await WorkshopQueries.participants(room.id, in: $0) }
                .first { $0.name == name }?.id)
    }

    static func hand(_ app: TestApp, _ room: Room, of name: String) async throws -> String {
        let participant = try await participantID(app, room, name)
        return try #require(
            try await app.services.database.read { try await WorkshopQueries.openHands(room.id, in: $0) }
                .first { $0.participantId == participant }?.id)
    }

    /// The snapshots' rooms, with every part of their pages shown at least once: a room with an
    /// agenda, a vote the member (also a participant) answered, a speaker with a timer, a queue and a
    /// logged override (`room`); one whose joins need approval, where the member waits before an open
    /// vote (`room_waiting`); one closed, with its summary (`room_closed`).
    static func fixture(_ app: TestApp, member: Browser, training: String, hostile: String) async throws
        -> [String: String]
    {
        let sessions = try await app.services.database.read { try await CalendarQueries.sessions(of: training, in: $0) }
        let closed = try await open(app, facilitator: member, session: sessions[0].id)
        let other = try await join(app, closed, "Yann")
        _ = try await other.submit("/salles/\(closed.id)", ["action": "raise", "kind": "topic"])
        _ = try await act(closed, ["action": "speak", "hand": try await hand(app, closed, of: "Yann")])
        _ = try await act(closed, ["action": "end"])
        let room = try await open(app, facilitator: member, session: sessions[0].id)
        _ = try await act(room, ["action": "agenda", "title": "Accueil " + hostile, "start": "10:00", "end": "10:15"])
        _ = try await act(room, ["action": "agenda", "title": "Nos mots de passe", "start": "10:15", "end": "11:00"])
        let items = try await app.services.database.read { try await WorkshopQueries.agenda(room.id, in: $0) }
        _ = try await act(room, ["action": "current", "item": items[0].id])
        _ = try await act(room, ["action": "timer", "minutes": "3"])
        _ = try await act(room, ["action": "reminder"])
        _ = try await act(
            room, ["action": "vote", "question": "Quel sujet " + hostile, "options": "Un " + hostile + "\nDeux"])
        let yann = try await join(app, room, "Yann <b>&")
        let zoe = try await join(app, room, "Zoé")
        _ = try await yann.submit("/salles/\(room.id)", ["action": "raise", "kind": "reply"])
        _ = try await zoe.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
        let joined = try await member.submit("/salle", ["code": room.code, "name": "Animatrice"])
        #expect(joined.status == .seeOther)
        _ = try await member.submit("/salles/\(room.id)", ["action": "raise", "kind": "process"])
        let options = try await app.services.database.read { try await WorkshopQueries.options(room.id, in: $0) }
        _ = try await member.submit("/salles/\(room.id)", ["action": "vote", "option": options[0].id])
        _ = try await act(room, ["action": "speak", "hand": try await hand(app, room, of: "Zoé")])
        _ = try await act(room, ["action": "move", "hand": try await hand(app, room, of: "Yann <b>&")])
        let waiting = try await open(app, facilitator: member, session: sessions[1].id)
        _ = try await act(waiting, ["action": "approval"])
        _ = try await act(waiting, ["action": "vote", "question": "Quel sujet ?", "options": "Un\nDeux"])
        _ = try await member.submit("/salle", ["code": waiting.code, "name": "Animatrice"])
        return ["room": room.id, "room_waiting": waiting.id, "room_closed": closed.id]
    }

    @Test("Someone who has not spoken goes ahead of someone who has; everyone sees their place; no meta refresh")
    func queueOrder() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            let ana = try await Self.join(app, room, "Ana")
            let bob = try await Self.join(app, room, "Bob")
            let raised = try await ana.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            #expect(raised.status == .seeOther)
            #expect(raised.location == "/salles/\(room.id)")
            #expect(try await ana.get("/salles/\(room.id)").text.contains("Votre main est levée."))
            // Ana speaks once, then asks again before Bob asks for the first time.
            let given = try await Self.act(
                room, ["action": "speak", "hand": try await Self.hand(app, room, of: "Ana")])
            #expect(given.status == .seeOther)
            #expect(try await ana.get("/salles/\(room.id)").words.contains("C'est à vous de parler."))
            #expect(try await Self.act(room, ["action": "done"]).status == .seeOther)
            app.advance(60)
            _ = try await ana.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            app.advance(60)
            _ = try await bob.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            let bobPage = try await bob.get("/salles/\(room.id)")
            #expect(bobPage.status == .ok)
            #expect(bobPage.text.contains("Votre place dans la file : 1"))
            #expect(try await ana.get("/salles/\(room.id)").text.contains("Votre place dans la file : 2"))
            let facilitator = try await room.facilitator.get("/salles/\(room.id)/animation").text
            let queue = try #require(facilitator.range(of: "<ol class=\"room-queue\">"))
            let rest = facilitator[queue.upperBound...]
            #expect(try #require(rest.range(of: "Bob")).lowerBound < (try #require(rest.range(of: "Ana"))).lowerBound)
            // Giving the floor to Ana first is allowed, and logged as out of the queue's order.
            _ = try await Self.act(room, ["action": "speak", "hand": try await Self.hand(app, room, of: "Ana")])
            #expect(
                try await room.facilitator.get("/salles/\(room.id)/animation").words.contains(
                    "parole donnée hors de l'ordre de la file à Ana"))
            // A point of process goes first; a move to the front is logged too.
            let cleo = try await Self.join(app, room, "Cléo")
            _ = try await cleo.submit("/salles/\(room.id)", ["action": "raise", "kind": "process"])
            #expect(try await cleo.get("/salles/\(room.id)").text.contains("Votre place dans la file : 1"))
            _ = try await Self.act(room, ["action": "move", "hand": try await Self.hand(app, room, of: "Bob")])
            #expect(try await bob.get("/salles/\(room.id)").text.contains("Votre place dans la file : 1"))
            #expect(try await room.facilitator.get("/salles/\(room.id)/animation").text.contains("Bob passé·e en tête"))
            for page in [bobPage.text, facilitator] {
                #expect(!page.lowercased().contains("http-equiv=\"refresh\""))
                #expect(page.contains(">Actualiser</a>"))
            }
            // Raising twice is refused with a message; lowering takes the hand out of the queue.
            let twice = try await cleo.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            #expect(twice.status == .unprocessableContent)
            #expect(twice.text.contains("Votre main est déjà levée"))
            #expect(try await cleo.submit("/salles/\(room.id)", ["action": "lower"]).location == "/salles/\(room.id)")
            #expect(!(try await cleo.get("/salles/\(room.id)").text.contains("Votre place dans la file : 1</p>")))
        }
    }

    @Test("Two servers: a change written through one wakes the other's live screens through its poll of versions")
    func twoServers() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            // A second server's hub on the same database; this server's hub is never told of it.
            let other = WorkshopHub(database: app.services.database, interval: .milliseconds(50))
            let version = try #require(
                try await app.services.database.read { try await WorkshopQueries.room(room.id, in: $0) }?.version)
            let (id, events) = await other.subscribe(room.id, version: version)
            var screen = events.makeAsyncIterator()
            #expect(await screen.next() != nil)  // a new screen is woken at once
            _ = try await Self.join(app, room, "Ana")
            // Bounded: if the poll never saw the change, the stream is ended and `next` answers nil.
            let guardTask = Task {
                try await Task.sleep(for: .seconds(10))
                await other.unsubscribe(room.id, id)
            }
            let woken = await screen.next()
            guardTask.cancel()
            #expect(woken != nil)
            #expect(await other.version(of: room.id) > version)
            await other.unsubscribe(room.id, id)
        }
    }

    @Test("Voting twice is refused with a clear message; results count one vote per person")
    func voteOnce() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            let ana = try await Self.join(app, room, "Ana")
            let bob = try await Self.join(app, room, "Bob")
            let bad = try await Self.act(room, ["action": "vote", "question": "Quel sujet ?", "options": "Seul"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Proposez de 2 à 12 sujets différents"))
            #expect(bad.text.contains("Quel sujet ?"))  // what was typed is kept
            let opened = try await Self.act(
                room, ["action": "vote", "question": "Quel sujet ?", "options": "Mots de passe\nSauvegardes\n"])
            #expect(opened.status == .seeOther)
            let options = try await app.services.database.read { try await WorkshopQueries.options(room.id, in: $0) }
            #expect(options.map(\.label) == ["Mots de passe", "Sauvegardes"])
            #expect(
                try await ana.submit("/salles/\(room.id)", ["action": "vote", "option": options[1].id]).status
                    == .seeOther)
            #expect(try await ana.get("/salles/\(room.id)").text.contains("Votre vote est compté."))
            let again = try await ana.submit("/salles/\(room.id)", ["action": "vote", "option": options[0].id])
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("Vous avez déjà voté : chaque personne vote une seule fois."))
            let unknown = try await bob.submit("/salles/\(room.id)", ["action": "vote", "option": "autre"])
            #expect(unknown.words.contains("Choisissez l'un des sujets proposés."))
            _ = try await bob.submit("/salles/\(room.id)", ["action": "vote", "option": options[1].id])
            let ballots = try await app.services.database.read { try await WorkshopQueries.ballots(room.id, in: $0) }
            #expect(ballots.count == 2)
            #expect(ballots.allSatisfy { $0.optionId == options[1].id })
            let page = try await ana.get("/salles/\(room.id)").text
            #expect(page.contains("<td>Sauvegardes</td><td>2 (100 %)</td>"))
            _ = try await Self.act(room, ["action": "close-vote"])
            let closed = try await bob.submit("/salles/\(room.id)", ["action": "vote", "option": options[0].id])
            #expect(closed.status == .unprocessableContent)
        }
    }

    @Test("Joining: a wrong code or no name is refused on its field; the same phone stays the same person")
    func joining() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            let phone = app.browser()
            let wrong = try await phone.submit("/salle", ["code": "AAAAAA", "name": "Ana"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.words.contains("Aucune salle ouverte n'a ce code"))
            #expect(wrong.text.contains("value=\"Ana\""))
            let nameless = try await phone.submit("/salle", ["code": room.code, "name": "  "])
            #expect(nameless.text.contains("Donnez un prénom ou un pseudonyme"))
            let long = try await phone.submit("/salle", ["code": room.code, "name": String(repeating: "a", count: 41)])
            #expect(long.text.contains("trop long"))
            // A visitor without the room's cookie is sent to the form, code filled in.
            let stranger = try await app.browser().get("/salles/\(room.id)")
            #expect(stranger.location == "/salle?code=\(room.code)")
            let ana = try await Self.join(app, room, "Ana")
            #expect(
                try await ana.submit("/salle", ["code": room.code, "name": "Ana bis"]).location == "/salles/\(room.id)")
            let names = try await app.services.database.read { try await WorkshopQueries.participants(room.id, in: $0) }
            #expect(names.map(\.name) == ["Ana"])
        }
    }

    @Test("Joining is limited per connection before the code is looked up (429, name kept); another connection joins")
    func joinLimit() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            let limiter = RateLimiter(app.services)
            for _ in 1..<FormLimit.roomJoin.allowance.perAddress {
                #expect(try await limiter.attempt(.roomJoin, from: "203.0.113.9") == nil)
            }
            let last = try await app.browser(from: "203.0.113.9").submit("/salle", ["code": "AAAAAA", "name": "Bot"])
            #expect(last.status == .unprocessableContent)
            let refused = try await app.browser(from: "203.0.113.9").submit(
                "/salle", ["code": room.code, "name": "Léa"])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.words.contains("Trop de tentatives pour rejoindre une salle depuis cette connexion"))
            #expect(refused.text.contains("value=\"Léa\""))
            let names = try await app.services.database.read { try await WorkshopQueries.participants(room.id, in: $0) }
            #expect(names.isEmpty)
            let other = try await app.browser(from: "203.0.113.10").submit(
                "/salle", ["code": room.code, "name": "Léa"])
            #expect(other.location == "/salles/\(room.id)")
        }
    }

    @Test("A removed participant cannot come back once joins need approval; the facilitator lets newcomers in")
    func removalAndApproval() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            let bob = try await Self.join(app, room, "Bob")
            _ = try await bob.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            #expect(try await Self.act(room, ["action": "approval"]).status == .seeOther)
            let removed = try await Self.act(
                room, ["action": "remove", "participant": try await Self.participantID(app, room, "Bob")])
            #expect(removed.status == .seeOther)
            let page = try await bob.get("/salles/\(room.id)")
            #expect(page.status == .forbidden)
            #expect(page.text.contains("vous a retiré·e de cette salle"))
            #expect(
                try await app.services.database.read { try await WorkshopQueries.openHands(room.id, in: $0) }.isEmpty)
            let tried = try await bob.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            #expect(tried.status == .forbidden)
            // Cookies cleared: a new phone, and the room now asks the facilitator first.
            let again = try await Self.join(app, room, "Bob")
            let waiting = try await again.get("/salles/\(room.id)")
            #expect(waiting.text.contains("Vous êtes en attente"))
            #expect(!waiting.text.contains("Lever la main</button>"))
            _ = try await again.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            #expect(
                try await app.services.database.read { try await WorkshopQueries.openHands(room.id, in: $0) }.isEmpty)
            let newcomer = try #require(
                try await app.services.database.read { try await WorkshopQueries.participants(room.id, in: $0) }
                    .first { $0.status == WorkshopParticipantRow.waiting })
            #expect(try await Self.act(room, ["action": "admit", "participant": newcomer.id]).status == .seeOther)
            #expect(
                try await again.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"]).status == .seeOther)
            #expect(
                try await room.facilitator.get("/salles/\(room.id)/animation").text.contains("Bob retiré·e de la salle")
            )
        }
    }

    @Test("Agenda, reminder and speaking time: checked on their fields, shown to participants")
    func facilitation() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            let ana = try await Self.join(app, room, "Ana")
            let bad = try await Self.act(
                room, ["action": "agenda", "title": "Accueil", "start": "10:30", "end": "10:00"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("la fin après le début"))
            #expect(bad.text.contains("class=\"error-summary\""))
            _ = try await Self.act(room, ["action": "agenda", "title": "Accueil", "start": "10:00", "end": "10:15"])
            _ = try await Self.act(
                room, ["action": "agenda", "title": "Nos sauvegardes", "start": "10:15", "end": "11:00"])
            let items = try await app.services.database.read { try await WorkshopQueries.agenda(room.id, in: $0) }
            _ = try await Self.act(room, ["action": "current", "item": items[1].id])
            _ = try await Self.act(room, ["action": "reminder"])
            #expect(try await Self.act(room, ["action": "timer", "minutes": "90"]).text.contains("de 1 à 60"))
            _ = try await Self.act(room, ["action": "timer", "minutes": "3"])
            _ = try await ana.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            _ = try await Self.act(room, ["action": "speak", "hand": try await Self.hand(app, room, of: "Ana")])
            let page = try await ana.get("/salles/\(room.id)").words
            #expect(page.contains("aria-current=\"step\"><span class=\"slot\">10:15–11:00</span> Nos sauvegardes"))
            #expect(page.contains("Une idée à la fois, s'il vous plaît."))
            #expect(page.contains("jusqu'à 10:03") || page.contains("jusqu'à 10 h 03"))
        }
    }

    @Test(
        "Closing: the facilitator ends the room, names are forgotten, the summary has shares only; 24 h after the session housekeeping closes the others"
    )
    func closing() async throws {
        try await withApp { app in
            let room = try await Self.open(app)
            let ana = try await Self.join(app, room, "Ana")
            _ = try await Self.join(app, room, "Bob")
            _ = try await ana.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic"])
            _ = try await Self.act(room, ["action": "speak", "hand": try await Self.hand(app, room, of: "Ana")])
            _ = try await Self.act(room, ["action": "done"])
            #expect(try await Self.act(room, ["action": "end"]).status == .seeOther)
            let participants = try await app.services.database.read {
                try await WorkshopQueries.participants(room.id, in: $0)
            }
            #expect(participants.allSatisfy { $0.name.isEmpty })
            let summary = try await room.facilitator.get("/salles/\(room.id)/animation").text
            #expect(summary.contains("50 % des participant·es ont pris la parole (1 sur 2)."))
            #expect(!summary.contains("Ana"))
            let after = try await ana.get("/salles/\(room.id)")
            #expect(after.status == .gone)
            #expect(after.text.contains("Cette salle est fermée"))
            #expect(
                try await app.browser().submit("/salle", ["code": room.code, "name": "Zoé"]).status
                    == .unprocessableContent)
            #expect(try await Self.act(room, ["action": "reminder"]).status == .gone)
            // A second room for the session, left open: closed by housekeeping a day after the session.
            let second = try await Self.open(app, facilitator: room.facilitator, session: room.session)
            #expect(second.id != room.id)
            _ = try await Self.join(app, second, "Cléo")
            let session = try #require(
                try await app.services.database.read { try await CalendarQueries.session(room.session, in: $0) })
            app.advance(session.endsAt + WorkshopState.closingDelay - app.now() - 60)
            try await app.services.database.write { try await Housekeeping.run(now: app.now(), in: $0) }
            #expect(
                try await app.services.database.read { try await WorkshopQueries.room(second.id, in: $0) }?.closedAt
                    == nil)
            app.advance(120)
            try await app.services.database.write { try await Housekeeping.run(now: app.now(), in: $0) }
            let closed = try await app.services.database.read { try await WorkshopQueries.room(second.id, in: $0) }
            #expect(closed?.closedAt != nil)
            #expect(
                try await app.services.database.read { try await WorkshopQueries.participants(second.id, in: $0) }
                    .allSatisfy { $0.name.isEmpty })
            // A month later the rooms go.
            app.advance(31 * 86_400)
            try await app.services.database.write { try await Housekeeping.run(now: app.now(), in: $0) }
            #expect(try await app.services.database.read { try await WorkshopQueries.room(room.id, in: $0) } == nil)
        }
    }
}

extension Browser.Page {
    /// The text with apostrophes as typed (templates escape them).
    var words: String { text.replacingOccurrences(of: "&#39;", with: "'") }
}
