import ArgumentParser
import EclairageWeb

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conservation",
        abstract:
            "Affiche ce que l'instance conserve et combien de temps (Markdown), à joindre au registre des traitements."
    )

    func run() throws { print(retentionRecord(), terminator: "") }
}
