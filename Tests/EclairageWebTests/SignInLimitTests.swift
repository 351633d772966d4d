import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Sign-in limits hold when the attempts arrive all at once, and the owner of a locked account still
/// gets in through an e-mailed link.
@Suite("Sign-in limits under concurrency")
struct SignInLimitTests {
    static let password = "lampe tulipe orage cheval"

    @Test("Thirty wrong passwords at once: at most five are even checked, the rest get 429")
    func burst() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<30 {
                    group.addTask {
                        try await app.browser().submit(
                            "/connexion", ["email": "alice@example.org", "password": "essai numéro \(n)"]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 25)
        }
    }

    @Test("Eleven wrong and one right at once: the right one gets in only if it came among the first five")
    func burstWithTheRightPassword() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<12 {
                    group.addTask {
                        let password = n == 11 ? Self.password : "essai numéro \(n)"
                        return try await app.browser().submit(
                            "/connexion", ["email": "alice@example.org", "password": password]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            let checked = statuses.filter { $0 == .unauthorized || $0 == .seeOther }.count
            #expect(checked <= 5, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 7)
        }
    }

    @Test("A locked account: the owner gets in at once through the e-mailed link, which ends the lock")
    func ownerUnlocks() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let attacker = app.browser()
            for n in 0..<6 {
                _ = try await attacker.submit("/connexion", ["email": "alice@example.org", "password": "essai \(n)"])
            }
            let alice = app.browser()
            let blocked = try await alice.submit(
                "/connexion", ["email": "alice@example.org", "password": Self.password])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains(#"<a href="/mot-de-passe-oublie">Recevoir un lien par courriel</a>"#))
            _ = try await alice.submit("/mot-de-passe-oublie", ["email": "alice@example.org"])
            let mail = try #require(try await app.mails().last)
            let path = try #require(mail.link("/mot-de-passe/"))
            #expect(try await alice.submit(path, ["password": "nouvelle phrase bien longue"]).status == .seeOther)
            #expect(
                try await alice.submit(
                    "/connexion", ["email": "alice@example.org", "password": "nouvelle phrase bien longue"]
                ).status == .seeOther)
        }
    }

    @Test("Successful sign-ins from one address (a workshop room) do not use up its allowance")
    func sharedAddress() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            // Tests reach the router without a peer address: every browser here shares one.
            for _ in 0..<25 {
                let page = try await app.browser().submit(
                    "/connexion", ["email": "alice@example.org", "password": Self.password])
                #expect(page.status == .seeOther)
            }
        }
    }
}

@Suite("Time: limits and sessions end when they should")
struct TimeTests {
    @Test("A locked account opens again after the 15-minute window, not before")
    func lockEnds() async throws {
        try await withApp { app in
            _ = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            for n in 0..<5 {
                _ = try await app.browser().submit(
                    "/connexion", ["email": "alice@example.org", "password": "essai \(n)"])
            }
            #expect(
                try await app.browser().submit(
                    "/connexion", ["email": "alice@example.org", "password": SignInLimitTests.password]
                ).status == .tooManyRequests)
            app.advance(14 * 60)
            #expect(
                try await app.browser().submit(
                    "/connexion", ["email": "alice@example.org", "password": SignInLimitTests.password]
                ).status == .tooManyRequests)
            app.advance(2 * 60)
            #expect(
                try await app.browser().submit(
                    "/connexion", ["email": "alice@example.org", "password": SignInLimitTests.password]
                ).status == .seeOther)
        }
    }

    @Test("A session ends after 2 hours idle, and after 12 hours however active")
    func sessionTimeouts() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            app.advance(119 * 60)
            #expect(try await alice.get("/compte").status == .ok)  // still active: the idle clock starts again
            app.advance(119 * 60)
            #expect(try await alice.get("/compte").status == .ok)
            app.advance(121 * 60)
            #expect(try await alice.get("/compte").status == .forbidden)  // idle too long
            let bob = try await app.signedUpBrowser(name: "Bob", email: "bob@example.org")
            for _ in 0..<7 {
                app.advance(110 * 60)
                _ = try await bob.get("/compte")
            }
            #expect(try await bob.get("/compte").status == .forbidden)  // 12 h 50 after signing in
        }
    }
}
