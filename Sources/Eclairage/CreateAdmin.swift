import ArgumentParser
import EclairageWeb
import Foundation

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Crée le compte administrateur de l'instance (ou donne ce rôle à un compte existant).",
        discussion: "Le mot de passe est lu sur l'entrée standard (une ligne), jamais sur la ligne de commande."
    )

    @Option(help: "Adresse électronique de l'administrateur.") var email: String
    @Option(help: "Nom affiché.") var name = "Administration"

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            _ = try await Migrator(database: instance.database).migrate()
            FileHandle.standardError.write(Data("Mot de passe (une ligne) : ".utf8))
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw fail("Aucun mot de passe reçu sur l’entrée standard.")
            }
            let services = try await instance.services()
            do {
                _ = try await Admins.create(email: email, name: name, password: password, services: services)
                print("Administrateur prêt : \(email)")
            } catch let problem as Admins.Problem {
                throw fail(problem.description)
            }
        }
    }
}
