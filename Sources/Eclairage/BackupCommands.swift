import ArgumentParser
import EclairageWeb

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copie cohérente de toutes les données dans un fichier JSON, même pendant que le site tourne."
    )

    @Option(help: "Fichier de sauvegarde à écrire.") var to: String

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            let archive = try await Backup(database: instance.database).write(to: to)
            let rows = archive.tables.values.map(\.count).reduce(0, +)
            print("Sauvegarde écrite : \(to) (\(rows) lignes, schéma \(archive.schemaVersion))")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restaure une sauvegarde dans la base configurée (créée et migrée si besoin).",
        discussion: "Refuse une base qui contient déjà des comptes, sauf avec --force (qui les remplace)."
    )

    @Option(help: "Fichier de sauvegarde à lire.") var from: String
    @Flag(help: "Remplacer les données déjà présentes.") var force = false

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            _ = try await Migrator(database: instance.database).migrate()
            do {
                let archive = try await Backup(database: instance.database).restore(from: from, replace: force)
                let rows = archive.tables.values.map(\.count).reduce(0, +)
                print("Restauration terminée : \(rows) lignes.")
            } catch let error as Backup.RestoreError {
                throw fail(error.description)
            }
        }
    }
}
