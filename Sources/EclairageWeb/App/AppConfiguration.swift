import Foundation

/// Settings read from the environment. Every problem is reported by name, all at once.
public struct AppConfiguration: Sendable {
    public var sqlitePath: String
    public var databaseURL: String?
    public var contentPath: String
    public var baseURL: String
    public var sendmailPath: String?
    public var mailFrom: String
    public var sessionIdleMinutes: Int
    public var sessionMaxHours: Int
    public var diagnosticRetentionDays: Int
    public var bcryptCost: Int
    public var logLevel: String
    public var autoMigrate: Bool

    /// Secure cookies when the public address is HTTPS.
    public var secureCookies: Bool { baseURL.lowercased().hasPrefix("https://") }

    public struct Problems: Error, CustomStringConvertible {
        public let messages: [String]
        public var description: String {
            "Configuration invalide :\n" + messages.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// The table in README.md documents each of these.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        var reader = EnvironmentReader(env: env)
        let configuration = AppConfiguration(
            sqlitePath: reader.string("SQLITE_PATH", default: "eclairage.sqlite"),
            databaseURL: reader.optionalURL("DATABASE_URL", schemes: ["postgres", "postgresql"]),
            contentPath: reader.directory("CONTENT_PATH", default: "Content"),
            baseURL: reader.url("BASE_URL", default: "http://127.0.0.1:8080", schemes: ["http", "https"]),
            sendmailPath: reader.executable("SENDMAIL_PATH"),
            mailFrom: reader.string("MAIL_FROM", default: "Éclairage <ne-pas-repondre@localhost>"),
            sessionIdleMinutes: reader.integer("SESSION_IDLE_MINUTES", default: 120, range: 5...1440),
            sessionMaxHours: reader.integer("SESSION_MAX_HOURS", default: 12, range: 1...720),
            diagnosticRetentionDays: reader.integer("DIAGNOSTIC_RETENTION_DAYS", default: 90, range: 1...3650),
            bcryptCost: reader.integer("BCRYPT_COST", default: 12, range: 10...15),
            logLevel: reader.choice("LOG_LEVEL", default: "info", among: ["trace", "debug", "info", "notice", "warning", "error"]),
            autoMigrate: reader.boolean("AUTO_MIGRATE", default: true)
        )
        guard reader.problems.isEmpty else { throw Problems(messages: reader.problems) }
        return configuration
    }
}
