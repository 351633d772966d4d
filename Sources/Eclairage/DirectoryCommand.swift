import ArgumentParser
import EclairageWeb
import Foundation

struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annuaire",
        abstract: "Importer ou exporter l'annuaire au schéma national « Lieux de médiation numérique ».",
        subcommands: [DirectoryImportCommand.self, DirectoryExportCommand.self]
    )
}

struct DirectoryImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importer",
        abstract:
            "Vérifie un fichier CSV ligne par ligne ; avec --appliquer, enregistre les lignes valides (mise à jour par identifiant)."
    )

    @Argument(help: "Fichier CSV au schéma national.") var file: String
    @Flag(help: "Appliquer l'import (sans cette option, le fichier est seulement vérifié).") var appliquer = false

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            _ = try await Migrator(database: instance.database).migrate()
            let services = try await instance.services()
            let report: DirectoryCommands.ImportReport
            do {
                report = try await DirectoryCommands.importFile(at: file, apply: appliquer, services: services) {
                    message in
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8))
                }
            } catch let problem as DirectoryCommands.CommandProblem {
                throw fail(problem.description)
            }
            FileHandle.standardError.write(Data("\n".utf8))
            for finding in report.findings { print(finding) }
            print(
                "\(report.total) lignes lues : \(report.valid) valides (dont \(report.corrected) corrigées), \(report.total - report.valid) refusées."
            )
            if let changed = report.changed {
                print("Import appliqué : \(changed) lieux ajoutés ou mis à jour.")
            } else {
                print("Rien n'est enregistré : relancez avec --appliquer pour importer les lignes valides.")
            }
        }
    }
}

struct DirectoryExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exporter", abstract: "Écrit l'annuaire en CSV au schéma national.")

    @Option(help: "Fichier à écrire (sortie standard sinon).") var to: String?

    func run() async throws {
        let instance = try Instance.open()
        try await instance.run {
            let text = try await DirectoryCommands.exportCSV(services: try await instance.services())
            if let to {
                try text.write(toFile: to, atomically: true, encoding: .utf8)
            } else {
                print(text, terminator: "")
            }
        }
    }
}
