import Crypto
import EclairageDomain
import Foundation
import HummingbirdBcrypt
import Logging
import NIOPosix

/// The dependencies controllers use, built once at start and passed in (tests pass their own).
/// What was read from the content folder is `content`, and read through as `services.questionnaire`,
/// `services.views`… (`AppContent`'s fields, not listed again here).
@dynamicMemberLookup
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let database: Database
    /// Templates, strings, territories, questionnaire, catalogue, sheets…, checked at start.
    let content: AppContent
    /// Where messages finally go (`sendmail`, the log); controllers write to `outbox` instead.
    let mailTransport: any Mailer
    let outbox: Outbox
    let scheduler: Scheduler
    let sessionStore: SQLPersistDriver
    let passwordPolicy: PasswordPolicy
    /// Which région each département belongs to, for the observatory's sums.
    let observatoryMap: TerritoryMap
    let recommender: Recommender
    let catalogueCache = RenderCache()
    /// What reports compute from diagnostics' answers (`ReportCache`).
    let reports = ReportCache()
    /// The reports' "près de chez vous" (`NearbyHelp`), kept with the areas' versions and the minute.
    let nearby = ComputedCache<NearbyHelp.Basis, NearbyHelp?>(capacity: 512)
    /// Signed-in pages' HTML, kept with the model they were rendered from (`RenderedPage`).
    let renderedPages = ComputedCache<RenderedPage.Basis, PageCache.Entry?>(capacity: 256)
    /// Whole anonymous public pages, as bytes (`CachedPage`), within `PAGE_CACHE_MIB`.
    let pageCache: PageCache
    /// The workshop rooms' live screens on this server, and what tells them a room changed.
    let workshops: WorkshopHub
    /// The directory's schema, communes and in-memory index.
    let directory: DirectoryServices
    /// As many hashes at once as cores, and a short queue behind them.
    let hashingGate = HashingGate(limit: max(2, ProcessInfo.processInfo.activeProcessorCount), queue: 16)
    let logger: Logger
    /// The time every controller and query uses (tests move it).
    public let time: TimeSource
    /// Secret tokens and row ids.
    public let tokens: TokenSource

    public init(
        configuration: AppConfiguration, database: Database, mailer: (any Mailer)? = nil, time: TimeSource = .system,
        tokens: TokenSource = .system, logger: Logger
    ) async throws {
        try await self.init(
            configuration: configuration, database: database, mailer: mailer, time: time, tokens: tokens,
            logger: logger,
            content: try await AppContent.load(from: URL(fileURLWithPath: configuration.contentPath)))
    }

    /// With content already loaded from `configuration.contentPath` (tests share one across their servers).
    init(
        configuration: AppConfiguration, database: Database, mailer: (any Mailer)?, time: TimeSource,
        tokens: TokenSource, logger: Logger, content loaded: AppContent
    ) async throws {
        self.configuration = configuration
        self.database = database
        self.content = loaded
        self.pageCache = PageCache(limit: configuration.pageCacheBytes)
        self.workshops = WorkshopHub(database: database)
        let views = loaded.views
        self.logger = logger
        if let mailer {
            self.mailTransport = mailer
        } else if let path = configuration.sendmailPath {
            self.mailTransport = SendmailMailer(
                path: path, from: configuration.mailFrom, time: time,
                timeout: .seconds(configuration.sendmailTimeoutSeconds))
        } else {
            self.mailTransport = LogMailer(logger: logger)
        }
        self.time = time
        self.tokens = tokens
        self.sessionStore = SQLPersistDriver(database: database, time: time)
        let baseURL = configuration.baseURL
        let outbox = Outbox(database: database, transport: mailTransport, time: time, logger: logger)
        self.outbox = outbox
        self.passwordPolicy = PasswordPolicy()
        let territories = TerritoryMap(departements: loaded.departements)
        self.observatoryMap = territories
        let directory = try DirectoryServices(contentDirectory: URL(fileURLWithPath: configuration.contentPath))
        self.directory = directory
        let questionnaire = loaded.questionnaire
        self.scheduler = Scheduler(
            database: database, time: time,
            jobs: [
                .init(name: "mail", every: 0) { try await outbox.deliverDue() },
                .init(name: "housekeeping", every: 3600) {
                    let now = time.now()
                    try await database.write { try await Housekeeping.run(now: now, in: $0) }
                    try await database.write {
                        try await DiagnosticScores.backfill(questionnaire: questionnaire, in: $0)
                    }
                },
                .init(name: "waiting-list", every: 60) {
                    try await WaitingListJob.run(
                        now: time.now(), database: database, views: views, configuration: configuration, tokens: tokens)
                },
                .init(name: "directory-freshness", every: 3600) {
                    try await FreshnessReminders.run(
                        now: time.now(), database: database, translations: views.translations, tokens: tokens,
                        baseURL: baseURL)
                },
                .init(name: DirectoryImport.job, every: 0) {
                    try await DirectoryImport.checkRequested(database: database, directory: directory)
                    try await DirectoryImport.applyRequested(database: database, time: time, tokens: tokens)
                },
                .init(name: "moderation-digest", every: ModerationDigest.every) {
                    try await ModerationDigest.run(
                        now: time.now(), database: database, translations: views.translations, baseURL: baseURL)
                },
                .init(name: "plan-reminders", every: 3600) {
                    let now = time.now()
                    try await database.transaction {
                        try await PlanReminders.run(
                            now: now, translations: views.translations, baseURL: baseURL, in: $0)
                    }
                },
                .init(name: "observatory", every: 60) {
                    try await ObservatoryBuild.run(database: database, territories: territories, now: time.now())
                },
                .init(name: "inventory-reminders", every: 3600) {
                    let now = time.now()
                    try await database.transaction {
                        try await InventoryReminders.run(
                            now: now, translations: views.translations, baseURL: baseURL, in: $0)
                        try await DeadlineReminders.run(
                            now: now, translations: views.translations, baseURL: baseURL, in: $0)
                        try await RightsRequestReminders.run(
                            now: now, translations: views.translations, baseURL: baseURL, in: $0)
                    }
                },
            ], logger: logger)
        let catalogue = loaded.catalogue
        self.recommender = Recommender(catalogue: catalogue)
        try await database.transaction { try await CatalogueSearchQueries.refresh(catalogue, in: $0) }
        try await database.transaction {
            try await SurveyFiles.sync(loaded.surveyFiles, now: time.now(), tokens: tokens, in: $0)
        }
    }

    /// `services.questionnaire` for `services.content.questionnaire`, and so on for every field of the content.
    public subscript<Value>(dynamicMember field: KeyPath<AppContent, Value>) -> Value { content[keyPath: field] }

    var departementCodes: Set<String> { Set(content.departements.map(\.code)) }

    /// Whether e-mails reach people (a `sendmail` is configured), rather than the server log.
    var sendsMail: Bool { configuration.sendmailPath != nil }

    /// bcrypt is slow on purpose: run it off the event loops, a bounded number at once (a full
    /// queue answers 503 "busy" instead of piling up work).
    func hashPassword(_ password: String) async throws -> String {
        let cost = UInt8(configuration.bcryptCost)
        let input = Self.bcryptInput(password)
        return try await gated { try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(input, cost: cost) } }
    }

    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        let input = Self.bcryptInput(password)
        return try await gated { try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) } }
    }

    /// bcrypt reads 72 bytes at most; the policy accepts 256 characters. A longer password is first
    /// reduced to its SHA-256 (44 characters of base64), so every byte of it counts. Passwords of 72
    /// bytes or fewer go in as they are, which keeps the hashes made before this rule valid.
    static func bcryptInput(_ password: String) -> String {
        guard password.utf8.count > 72 else { return password }
        return "sha256:" + Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    private func gated<R: Sendable>(_ work: @Sendable () async throws -> R) async throws -> R {
        do {
            return try await hashingGate.run(work)
        } catch is HashingGate.Busy {
            throw PageError.busy
        }
    }

    /// An absolute link for e-mails.
    func absoluteURL(_ url: SiteURL) -> String { configuration.baseURL + url.path }
}
