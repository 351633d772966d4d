import EclairageDomain
import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Who may do what in a workshop room: the facilitator (an editor, `WorkshopAccess.canFacilitate`)
/// runs it; a participant is their browser's cookie for that room only, so a participant of one room
/// does nothing in another, and no form lets anyone act for someone else.
@Suite("Access: workshop rooms")
struct WorkshopAccessTests {
    typealias Role = AccessMatrixTests.Role

    struct Case: Sendable {
        let method: HTTPRequest.Method
        let path: @Sendable (_ session: String, _ room: String) -> String
        let fields: [String: String]
        let expected: [Role: HTTPResponse.Status]
    }

    static func editorsOnly(_ status: HTTPResponse.Status) -> [Role: HTTPResponse.Status] {
        AccessMatrixTests.expect(
            .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .forbidden,
            otherAdvisor: .forbidden, admin: status)
    }

    static func everyone(_ status: HTTPResponse.Status) -> [Role: HTTPResponse.Status] {
        AccessMatrixTests.expect(
            status, outsider: status, member: status, owner: status, advisor: status, otherAdvisor: status,
            admin: status)
    }

    static let cases: [Case] = [
        Case(
            method: .post, path: { session, _ in "/agenda/seances/\(session)/salle" }, fields: [:],
            expected: editorsOnly(.seeOther)),
        Case(method: .get, path: { "/salles/\($1)/animation" }, fields: [:], expected: editorsOnly(.ok)),
        Case(
            method: .post, path: { "/salles/\($1)/animation" }, fields: ["action": "reminder"],
            expected: editorsOnly(.seeOther)),
        Case(method: .get, path: { _, _ in "/salle" }, fields: [:], expected: everyone(.ok)),
        // Nobody of the world joined: the room sends them to the join form, and nothing is done.
        Case(method: .get, path: { "/salles/\($1)" }, fields: [:], expected: everyone(.seeOther)),
        Case(
            method: .post, path: { "/salles/\($1)" }, fields: ["action": "raise", "kind": "topic"],
            expected: everyone(.seeOther)),
    ]

    /// The world of the access matrix, the sample directory, and a training of the administrator
    /// (an editor) with one session in ten days.
    static func session(_ app: TestApp, world: AccessMatrixTests.World) async throws -> String {
        _ = try await DirectoryCommands.importFile(
            at: DirectoryWebTests.fixtures.appendingPathComponent("lieux-sample.csv").path, apply: true,
            services: app.services
        ) { _ in }
        let place = try #require(
            try await app.services.database.read { try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0) }
                .first?.id)
        let start = ParisTime(unixTime: app.now() + 10 * 86_400)
        let created = try await #require(world.browsers[.admin]).submit(
            "/agenda/nouvelle",
            [
                "place": place, "title": "Atelier mots de passe", "kind": "atelier", "description": "Ensemble.",
                "start": String(format: "%04d-%02d-%02dT10:00", start.year, start.month, start.day), "duration": "90",
                "every": "0", "count": "1", "capacity": "20", "location": "",
            ])
        let training = String(try #require(created.location).split(separator: "/").last ?? "")
        return try #require(
            try await app.services.database.read { try await CalendarQueries.sessions(of: training, in: $0) }.first?.id)
    }

    @Test("Each role gets exactly the expected answer on each room route; the live stream needs the room's cookie")
    func matrix() async throws {
        try await withApp { app in
            let world = try await AccessMatrixTests.world(app)
            let session = try await Self.session(app, world: world)
            let admin = try #require(world.browsers[.admin])
            let room = try await WorkshopRoomWebTests.open(app, facilitator: admin, session: session)
            for testCase in Self.cases {
                for role in Role.allCases {
                    let browser = try #require(world.browsers[role])
                    let path = testCase.path(session, room.id)
                    let page =
                        testCase.method == .get
                        ? try await browser.get(path) : try await browser.submit(path, testCase.fields)
                    #expect(page.status == testCase.expected[role], "\(role) \(testCase.method) \(path)")
                    if page.status == .forbidden { #expect(!page.text.contains(room.code), "\(role) \(path)") }
                }
            }
            for role in Role.allCases where role != .admin {
                let page = try await #require(world.browsers[role]).get("/salles/\(room.id)/direct")
                #expect(page.status == .notFound, "\(role)")
            }
            #expect(
                try await app.services.database.read { try await WorkshopQueries.openHands(room.id, in: $0) }.isEmpty)
            #expect(
                try await app.services.database.read { try await WorkshopQueries.participants(room.id, in: $0) }.isEmpty
            )
        }
    }

    @Test("A participant of room A cannot act in room B, even with A's token under B's cookie name")
    func otherRoom() async throws {
        try await withApp { app in
            let a = try await WorkshopRoomWebTests.open(app)
            let world = try await CalendarWebTests.setUpSecondSession(app, editor: a.facilitator)
            let b = try await WorkshopRoomWebTests.open(app, facilitator: a.facilitator, session: world)
            let ana = try await WorkshopRoomWebTests.join(app, a, "Ana")
            let inB = try await ana.submit("/salles/\(b.id)", ["action": "raise", "kind": "topic"])
            #expect(inB.status == .seeOther)
            #expect(inB.location == "/salle?code=\(b.code)")
            let token = try #require(ana.cookie("salle-\(a.id)"))
            ana.setCookie("salle-\(b.id)", token)
            #expect(
                try await ana.submit("/salles/\(b.id)", ["action": "raise", "kind": "topic"]).location
                    == "/salle?code=\(b.code)")
            #expect(try await ana.get("/salles/\(b.id)/direct").status == .notFound)
            #expect(try await app.services.database.read { try await WorkshopQueries.openHands(b.id, in: $0) }.isEmpty)
            // A participant is not a facilitator of either room.
            #expect(try await ana.submit("/salles/\(a.id)/animation", ["action": "end"]).status == .forbidden)
        }
    }

    @Test(
        "A participant cannot act for another: forms name no participant, and one naming someone else acts for the sender"
    )
    func notForAnother() async throws {
        try await withApp { app in
            let room = try await WorkshopRoomWebTests.open(app)
            let ana = try await WorkshopRoomWebTests.join(app, room, "Ana")
            _ = try await WorkshopRoomWebTests.join(app, room, "Bob")
            let bob = try await WorkshopRoomWebTests.participantID(app, room, "Bob")
            let page = try await ana.get("/salles/\(room.id)").text
            #expect(!page.contains("name=\"participant\""))
            _ = try await ana.submit("/salles/\(room.id)", ["action": "raise", "kind": "topic", "participant": bob])
            let hands = try await app.services.database.read { try await WorkshopQueries.openHands(room.id, in: $0) }
            #expect(hands.map(\.participantId) == [try await WorkshopRoomWebTests.participantID(app, room, "Ana")])
            // Ana cannot lower Bob's hand either: "lower" only ever reads the sender's own.
            _ = try await WorkshopRoomWebTests.join(app, room, "Cléo").submit(
                "/salles/\(room.id)", ["action": "lower", "participant": bob])
            #expect(
                try await app.services.database.read { try await WorkshopQueries.openHands(room.id, in: $0) }.count == 1
            )
        }
    }
}

extension CalendarWebTests {
    /// A second training of the same editor (after `setUp`), with one session: its id.
    static func setUpSecondSession(_ app: TestApp, editor: Browser) async throws -> String {
        let place = try #require(
            try await app.services.database.read { try await DirectoryQueries.byExternalIDs(["ecl-37-0001"], in: $0) }
                .first?.id)
        let start = ParisTime(unixTime: app.now() + 12 * 86_400)
        let created = try await editor.submit(
            "/agenda/nouvelle",
            [
                "place": place, "title": "Atelier courriels", "kind": "atelier", "description": "Vos courriels.",
                "start": String(format: "%04d-%02d-%02dT14:00", start.year, start.month, start.day), "duration": "60",
                "every": "0", "count": "1", "capacity": "10", "location": "",
            ])
        let training = String(try #require(created.location).split(separator: "/").last ?? "")
        return try #require(
            try await app.services.database.read { try await CalendarQueries.sessions(of: training, in: $0) }.first?.id)
    }
}
