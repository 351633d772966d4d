import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

@testable import EclairageWeb

/// The repository's content folder, found from this file's place.
let contentPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Content").path

/// Settings for tests: the real content, a cheap bcrypt cost so tests stay fast.
func testConfiguration(_ extra: [String: String] = [:]) throws -> AppConfiguration {
    try AppConfiguration.fromEnvironment(["CONTENT_PATH": contentPath, "BCRYPT_COST": "10"].merging(extra) { $1 })
}

/// The repository's content, read and checked once for all the tests' servers (it does not change while they
/// run); a test naming another folder gets its own.
private let repositoryContent = Task { try await AppContent.load(from: URL(fileURLWithPath: contentPath)) }

func sharedContent(for configuration: AppConfiguration) async throws -> AppContent {
    configuration.contentPath == contentPath
        ? try await repositoryContent.value
        : try await AppContent.load(from: URL(fileURLWithPath: configuration.contentPath))
}

/// A fresh application on a fresh, migrated database; `body` gets a client and the services. The
/// application's clock is stopped at `start` (see `TestClock`) and moves only with `app.advance`.
func withApp<R>(
    _ extra: [String: String] = [:],
    at start: Int64 = TestClock.tuesdayMorning,
    _ body: @escaping @Sendable (TestApp) async throws -> R
) async throws -> R where R: Sendable {
    try await TestDatabase.with { database, _ in
        try await Migrator(database: database).migrate()
        let configuration = try testConfiguration(extra)
        let (time, advance) = TimeSource.manual(at: start)
        let mailer = RecordingMailer(observer: MailSamples.observer(from: configuration.mailFrom, time: time))
        let services = try await AppServices(
            configuration: configuration, database: database, mailer: mailer, time: time, tokens: .system,
            logger: TestDatabase.logger, content: try await sharedContent(for: configuration))
        let app = Application(router: buildRouter(services: services), logger: TestDatabase.logger)
        return try await app.test(.router) { client in
            try await body(TestApp(client: client, services: services, mailer: mailer, advance: advance))
        }
    }
}

struct TestApp: Sendable {
    let client: any TestClientProtocol
    let services: AppServices
    let mailer: RecordingMailer
    /// Moves the application's clock forward by this many seconds.
    let advance: @Sendable (Int64) -> Void

    /// Sends what waits in the outbox (as the scheduler would), then returns every message sent so far.
    func mails() async throws -> [MailMessage] {
        try await services.outbox.deliverDue()
        return await mailer.messages
    }

    /// The application's clock, as controllers and queries read it.
    func now() -> Int64 { services.time.now() }

    /// A new visitor with an empty cookie jar.
    func browser() -> Browser { Browser(client: client) }

    /// A new visitor whose requests come from this client address (as a reverse proxy names it).
    func browser(from address: String) -> Browser { Browser(client: client, address: address) }

    /// A visitor who has signed up (and so is signed in).
    func signedUpBrowser(name: String, email: String, password: String = "lampe tulipe orage cheval") async throws
        -> Browser
    {
        let browser = browser()
        let response = try await browser.submit(
            "/inscription", ["display_name": name, "email": email, "password": password]
        )
        guard response.status == .seeOther else {
            throw SetUpFailed(what: "sign-up of \(email)", status: response.status, page: response.text)
        }
        return browser
    }

    /// The body is vetted (as an editor would), then the association's owner asks it for help,
    /// sharing the plan and, if asked, the inventory.
    @discardableResult
    func grant(_ owner: Browser, association: String, body: String, inventory: Bool = false) async throws
        -> Browser.Page
    {
        try await services.database.write {
            try await SupportBodyQueries.setVetting(id: body, to: .vetted, note: "", now: self.now(), in: $0)
        }
        var fields = ["support_body": body, "shares_plan": "1"]
        if inventory { fields["shares_inventory"] = "1" }
        let page = try await owner.submit("/associations/\(association)/accompagnement", fields)
        guard page.status == .seeOther else {
            throw SetUpFailed(what: "access to \(body)", status: page.status, page: page.text)
        }
        return page
    }
}

/// A test whose set-up did not go as planned fails alone, with the answer it got.
struct SetUpFailed: Error, CustomStringConvertible {
    let what: String
    let status: HTTPResponse.Status
    let page: String
    var description: String { "set-up failed: \(what) answered \(status)\n\(page.prefix(400))" }
}

extension MailMessage {
    /// The path of the first link in the body that contains `path` (from `path` to the end of the line).
    func link(_ path: String) -> String? {
        body.split(separator: "\n").first { $0.contains(path) }.map { String($0[$0.range(of: path)!.lowerBound...]) }
    }
}
