import ArgumentParser
import EclairageWeb
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Démarre le site web (applique d'abord les migrations en attente).",
        discussion: "Sans DATABASE_URL, les données vont dans le fichier SQLite SQLITE_PATH (créé au premier lancement)."
    )

    @Option(help: "Adresse d'écoute.") var hostname = "127.0.0.1"
    @Option(help: "Port d'écoute.") var port = 8080
    @Flag(help: "Ne pas appliquer les migrations au démarrage.") var noMigrate = false

    func run() async throws {
        let environment = try Environment.open()
        try await environment.run {
            let migrator = Migrator(database: environment.database)
            if environment.configuration.autoMigrate && !noMigrate {
                let applied = try await migrator.migrate()
                if !applied.isEmpty { environment.logger.info("Migrations appliquées : \(applied.joined(separator: ", "))") }
            } else if try await migrator.pendingCount() > 0 {
                throw fail("Des migrations sont en attente : lancez « eclairage migrate » avant « serve », ou retirez --no-migrate / AUTO_MIGRATE=false.")
            }
            let services = try await environment.services()
            let app = buildApplication(services: services, hostname: hostname, port: port, logger: environment.logger)
            try await app.runService()
        }
    }
}
