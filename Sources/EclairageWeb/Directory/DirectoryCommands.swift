import EclairageDomain
import Foundation

/// The directory from the command line: the same import (checked, staged, then applied) and export as
/// the administrator's page.
public enum DirectoryCommands {
    public struct ImportReport: Sendable {
        public let total: Int
        public let valid: Int
        public let corrected: Int
        public let changed: Int?
        /// "ligne 12, colonne « services » : …", in file order (at most 500).
        public let findings: [String]
    }

    public static func importFile(
        at path: String, apply: Bool, services: AppServices, progress: @escaping @Sendable (String) -> Void
    ) async throws -> ImportReport {
        let url = URL(fileURLWithPath: path)
        let summary: DirectoryImport.Summary
        do {
            summary = try await DirectoryImport.stage(
                file: url, fileName: url.lastPathComponent, by: "cli", directory: services.directory, services: services
            ) { read in
                progress("\(read) lignes vérifiées")
            }
        } catch let failure as DirectoryImport.Failure {
            switch failure {
            case .unreadable: throw CommandProblem("Fichier illisible : \(path)")
            case .empty: throw CommandProblem("Fichier vide : \(path)")
            case .header(let text): throw CommandProblem(text)
            }
        }
        let rows = try await services.database.read {
            try await DirectoryImportQueries.reportedRows(summary.id, limit: 500, in: $0)
        }
        let decoder = JSONDecoder()
        var findings: [String] = []
        for row in rows {
            for (kind, json) in [("refusée", row.problemsJson), ("corrigée", row.notesJson)] {
                for finding in (try? decoder.decode([PlaceRowChecker.Finding].self, from: Data(json.utf8))) ?? [] {
                    findings.append("ligne \(row.line) \(kind), colonne « \(finding.column) » : \(finding.message)")
                }
            }
        }
        var changed: Int?
        if apply {
            let total = summary.valid
            let counter = Counter()
            changed = try await DirectoryImport.apply(summary.id, by: "cli", services: services) { count in
                progress("\(counter.add(count)) / \(total) lignes appliquées")
            }
        }
        return ImportReport(
            total: summary.total, valid: summary.valid, corrected: summary.corrected, changed: changed,
            findings: findings)
    }

    /// The whole directory in the national schema (places offering at least one of its services).
    public static func exportCSV(services: AppServices) async throws -> String {
        let index = try await services.directory.current(services.database)
        var lines = [CSVWriter.line(Place.schemaColumns)]
        for entry in index.entries where !entry.place.services.isEmpty {
            lines.append(CSVWriter.line(entry.place.schemaRow()))
        }
        return lines.joined()
    }

    public struct CommandProblem: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func add(_ n: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += n
            return value
        }
    }
}
