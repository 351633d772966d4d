import EclairageDomain
import Foundation

/// Settings read from the environment. Every problem is reported by name, all at once.
public struct AppConfiguration: Sendable {
    public var sqlitePath: String
    public var databaseURL: String?
    public var contentPath: String
    public var baseURL: String
    public var sendmailPath: String?
    /// `MAIL_FROM`, read once into its display name and address.
    public var mailFrom: MailAddress
    /// How long `sendmail` may take to accept a message before it is stopped and the attempt fails.
    public var sendmailTimeoutSeconds: Int = 60
    public var sessionIdleMinutes: Int
    public var sessionMaxHours: Int
    public var diagnosticRetentionDays: Int
    public var bcryptCost: Int
    public var logLevel: String
    public var autoMigrate: Bool
    /// A tile server (`https://…/{z}/{x}/{y}.png`): when set, the map page adds an interactive map
    /// (Leaflet, served from `leafletPath`) over the server-drawn one. Unset, the site needs no network.
    public var mapTilesURL: String? = nil
    public var mapAttribution: String = "© OpenStreetMap"
    public var leafletPath: String = "/usr/share/javascript/leaflet"
    /// The memory the whole anonymous pages kept in memory may take (`PAGE_CACHE_MIB`, 0 keeps none).
    public var pageCacheBytes: Int = 32 << 20

    /// The tile server's origin, for the Content-Security-Policy.
    var mapTilesOrigin: String? {
        guard let url = mapTilesURL, let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        return String(url[..<schemeEnd.upperBound]) + String(rest.prefix { $0 != "/" })
    }

    /// Secure cookies when the public address is HTTPS.
    public var secureCookies: Bool { baseURL.lowercased().hasPrefix("https://") }

    public struct Problems: Error, CustomStringConvertible {
        public let messages: [String]
        public var description: String {
            "Configuration invalide :\n" + messages.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// The table in README.md documents each of these.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfiguration
    {
        var reader = EnvironmentReader(env: env)
        let configuration = AppConfiguration(
            sqlitePath: reader.string("SQLITE_PATH", default: "eclairage.sqlite"),
            databaseURL: reader.optionalURL("DATABASE_URL", schemes: ["postgres", "postgresql"]),
            contentPath: reader.directory("CONTENT_PATH", default: "Content"),
            baseURL: reader.url("BASE_URL", default: "http://127.0.0.1:8080", schemes: ["http", "https"]),
            sendmailPath: reader.executable("SENDMAIL_PATH"),
            mailFrom: reader.mailAddress(
                "MAIL_FROM", default: MailAddress(name: "Éclairage", address: "ne-pas-repondre@localhost")),
            sessionIdleMinutes: reader.integer("SESSION_IDLE_MINUTES", default: 120, range: 5...1440),
            sessionMaxHours: reader.integer("SESSION_MAX_HOURS", default: 12, range: 1...720),
            diagnosticRetentionDays: reader.integer("DIAGNOSTIC_RETENTION_DAYS", default: 90, range: 1...3650),
            bcryptCost: reader.integer("BCRYPT_COST", default: 12, range: 10...15),
            logLevel: reader.choice(
                "LOG_LEVEL", default: "info", among: ["trace", "debug", "info", "notice", "warning", "error"]),
            autoMigrate: reader.boolean("AUTO_MIGRATE", default: true)
        )
        var result = configuration
        let tiles = reader.string("MAP_TILES_URL", default: "")
        if !tiles.isEmpty {
            if tiles.hasPrefix("https://"), ["{z}", "{x}", "{y}"].allSatisfy(tiles.contains), !tiles.contains(" "),
                !tiles.contains("\"")
            {
                result.mapTilesURL = tiles
            } else {
                reader.problems.append(
                    "MAP_TILES_URL : une adresse https:// avec {z}, {x} et {y} est attendue (par exemple https://tile.openstreetmap.org/{z}/{x}/{y}.png)."
                )
            }
        }
        // Shorter than the outbox's lease by a minute: no other server takes a message while sendmail may still send it.
        result.sendmailTimeoutSeconds = reader.integer(
            "SENDMAIL_TIMEOUT_SECONDS", default: result.sendmailTimeoutSeconds, range: 1...Int(Outbox.lease) - 60)
        result.mapAttribution = reader.string("MAP_ATTRIBUTION", default: result.mapAttribution)
        result.leafletPath = reader.string("LEAFLET_PATH", default: result.leafletPath)
        result.pageCacheBytes = reader.integer("PAGE_CACHE_MIB", default: 32, range: 0...4096) << 20
        guard reader.problems.isEmpty else { throw Problems(messages: reader.problems) }
        return result
    }
}
