import ArgumentParser
import EclairageWeb

struct SeedDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract:
            "Remplit la base avec des données de démonstration (pour les essais de charge). Mot de passe des comptes : --password.",
        shouldDisplay: false
    )

    @Option(help: "Nombre d'associations (une personne responsable chacune).") var associations = 300
    @Option(help: "Diagnostics par association.") var diagnosticsPerAssociation = 3
    @Option(help: "Diagnostics anonymes.") var anonymous = 2000
    @Option(help: "Mot de passe de tous les comptes de démonstration.") var password = "demonstration du site eclairage"
    @Option(help: "Associations suivies par la structure de démonstration (conseil@example.org).") var followed = 0
    @Option(help: "Relevés de l'observatoire écrits directement (mesures sur 100 000 ou 1 000 000 diagnostics).")
    var observatory = 0

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            _ = try await Migrator(database: instance.database).migrate()
            let summary = try await DemoData(services: try await instance.services())
                .insert(
                    associations: associations, diagnosticsPerAssociation: diagnosticsPerAssociation,
                    anonymousDiagnostics: anonymous, password: password)
            print(
                "Données de démonstration : \(summary.users) comptes, \(summary.associations) associations, \(summary.diagnostics) diagnostics."
            )
            if observatory > 0 {
                let count = try await DemoData(services: try await instance.services()).insertObservatory(observatory)
                print("Observatoire : \(count) relevés.")
            }
            if followed > 0 {
                let count = try await DemoData(services: try await instance.services()).follow(
                    followed, password: password)
                print("Structure de démonstration : \(count) associations suivies (conseil@example.org).")
            }
        }
    }
}
