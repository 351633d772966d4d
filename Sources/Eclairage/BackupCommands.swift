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
            for (table, rows) in archive.tables.sorted(by: { $0.key < $1.key }) { print("  \(table) : \(rows.count)") }
            let rows = archive.tables.values.map(\.count).reduce(0, +)
            print(
                "Sauvegarde écrite : \(to) (\(archive.tables.count) tables, \(rows) lignes, schéma \(archive.schemaVersion))"
            )
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
                let restored = try await Backup(database: instance.database).restore(from: from, replace: force)
                for (table, rows) in restored.tables { print("  \(table) : \(rows)") }
                if !restored.cleared.isEmpty {
                    print("Vidées (propres à l'instance) : \(restored.cleared.joined(separator: ", "))")
                }
                if !restored.missing.isEmpty {
                    print("Absentes de la sauvegarde, laissées vides : \(restored.missing.joined(separator: ", "))")
                }
                print("Restauration terminée : \(restored.tables.count) tables, \(restored.rows) lignes.")
            } catch let error as Backup.RestoreError {
                throw fail(error.description)
            }
        }
    }
}
