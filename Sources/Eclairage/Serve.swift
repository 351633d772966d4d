import ArgumentParser
import EclairageWeb
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Démarre le site web (applique d'abord les migrations en attente).",
        discussion:
            "Sans DATABASE_URL, les données vont dans le fichier SQLite SQLITE_PATH (créé au premier lancement)."
    )

    @Option(help: "Adresse d'écoute.") var hostname = "127.0.0.1"
    @Option(help: "Port d'écoute.") var port = 8080
    @Flag(help: "Ne pas appliquer les migrations au démarrage.") var noMigrate = false

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            let migrator = Migrator(database: instance.database)
            if instance.configuration.autoMigrate && !noMigrate {
                let applied = try await migrator.migrate()
                if !applied.isEmpty {
                    instance.logger.info("Migrations appliquées : \(applied.joined(separator: ", "))")
                }
            } else if try await migrator.pendingCount() > 0 {
                throw fail(
                    "Des migrations sont en attente : lancez « eclairage migrate » avant « serve », ou retirez --no-migrate / AUTO_MIGRATE=false."
                )
            }
            let services = try await instance.services()
            let app = buildApplication(services: services, hostname: hostname, port: port, logger: instance.logger)
            try await app.runService()
        }
    }
}
