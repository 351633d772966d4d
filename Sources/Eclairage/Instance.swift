import ArgumentParser
import EclairageWeb
import Foundation
import Logging

/// What every command needs: the configuration (all problems reported at once), a logger, the database.
struct Instance {
    let configuration: AppConfiguration
    let logger: Logger
    let database: Database

    static func open() throws -> Instance {
        // At start, before anything writes to a pipe: a sendmail that exits early must give a failed
        // write (EPIPE), not a SIGPIPE that ends the server (see ProcessSignals).
        ProcessSignals.ignoreBrokenPipe()
        let configuration: AppConfiguration
        do {
            configuration = try AppConfiguration.fromEnvironment()
        } catch let problems as AppConfiguration.Problems {
            FileHandle.standardError.write(Data((problems.description + "\n").utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
        var logger = Logger(label: "eclairage")
        logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
        let database: Database
        if let url = configuration.databaseURL {
            database = try Database.postgres(url: url, logger: logger)
        } else {
            database = Database.sqlite(path: configuration.sqlitePath, logger: logger)
        }
        return Instance(configuration: configuration, logger: logger, database: database)
    }

    /// Runs `body`, then closes the database whether it succeeded or not.
    func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    func services() async throws -> AppServices {
        try await AppServices(configuration: configuration, database: database, logger: logger)
    }
}

/// A message for the operator on standard error, then a non-zero exit without the usage text.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitCode.failure
}
