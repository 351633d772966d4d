import EclairageDomain
import Foundation
import HummingbirdBcrypt
import Logging
import NIOPosix

/// The dependencies controllers use, built once at start and passed in (tests pass their own).
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let database: Database
    let views: Views
    let mailer: any Mailer
    let sessionStore: SQLPersistDriver
    let passwordPolicy: PasswordPolicy
    let departements: [Departement]
    let questionnaire: Questionnaire
    let sheets: [AwarenessSheet]
    let catalogue: Catalogue
    let recommender: Recommender
    let catalogueCache = RenderCache()
    let logger: Logger

    public init(configuration: AppConfiguration, database: Database, mailer: (any Mailer)? = nil, logger: Logger) async throws {
        self.configuration = configuration
        self.database = database
        self.views = try await Views.load()
        self.logger = logger
        if let mailer {
            self.mailer = mailer
        } else if let path = configuration.sendmailPath {
            self.mailer = SendmailMailer(path: path, from: configuration.mailFrom)
        } else {
            self.mailer = LogMailer(logger: logger)
        }
        self.sessionStore = SQLPersistDriver(database: database)
        self.passwordPolicy = PasswordPolicy()
        let content = URL(fileURLWithPath: configuration.contentPath)
        self.departements = try Departement.load(from: content)
        self.questionnaire = try QuestionnaireLoader.load(from: content)
        self.sheets = try AwarenessSheet.loadAll(from: content, themeIDs: Set(questionnaire.themes.map(\.id)))
        self.catalogue = try Catalogue.load(from: content)
        try catalogue.checkReferences(questionnaire: questionnaire, sheets: sheets)
        self.recommender = Recommender(catalogue: catalogue)
        let catalogue = self.catalogue
        try await database.transaction { try await CatalogueSearch.refresh(catalogue, in: $0) }
    }

    var departementCodes: Set<String> { Set(departements.map(\.code)) }

    /// bcrypt is slow on purpose: run it off the event loops.
    func hashPassword(_ password: String) async throws -> String {
        let cost = UInt8(configuration.bcryptCost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// An absolute link for e-mails.
    func absoluteURL(_ url: SiteURL) -> String { configuration.baseURL + url.path }
}
