import ArgumentParser
import EclairageWeb

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Applique les migrations en attente, ou les annule avec --revert.")

    @Flag(help: "Annule des migrations au lieu de les appliquer.") var revert = false
    @Option(help: "Avec --revert : combien de migrations annuler (toutes par défaut).") var steps: Int?

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            let migrator = Migrator(database: instance.database)
            let names = revert ? try await migrator.revert(steps: steps) : try await migrator.migrate()
            print(
                names.isEmpty
                    ? "Rien à faire." : (revert ? "Annulées : " : "Appliquées : ") + names.joined(separator: ", "))
        }
    }
}
