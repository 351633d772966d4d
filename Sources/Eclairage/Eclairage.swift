import ArgumentParser

@main
struct Eclairage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eclairage",
        abstract: "Éclairage — diagnostic et accompagnement numérique des associations.",
        discussion: "Réglages par variables d'environnement (voir le README) : SQLITE_PATH, DATABASE_URL, BASE_URL…",
        subcommands: [
            Serve.self, Migrate.self, CreateAdmin.self, BackupCommand.self, RestoreCommand.self, DirectoryCommand.self,
            RetentionCommand.self, SeedDemo.self,
        ],
        defaultSubcommand: Serve.self
    )
}
