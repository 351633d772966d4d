import Foundation
import Testing

/// Every SQL statement lives in a `*Queries` type of its area. The exceptions are the database's own
/// plumbing (`Database/`: transactions, migrations, the session store) and the backup, which reads
/// and writes every table by name.
@Suite("Code layout")
struct SQLPlacementTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/EclairageWeb")

    static func allowed(_ path: String) -> Bool {
        path.hasSuffix("Queries.swift") || path.hasPrefix("Database/") || path == "Backup/Backup.swift"
    }

    @Test("No SQL outside *Queries files")
    func noStraySQL() throws {
        let statement = /\.(select\(\)|insert\(into:|update\("|delete\(from:|raw\()|SQLQueryString/
        var offenders: [String] = []
        let files = FileManager.default.enumerator(atPath: Self.sources.path)?.compactMap { $0 as? String } ?? []
        #expect(files.count > 50)
        for path in files where path.hasSuffix(".swift") && !Self.allowed(path) {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(statement) {
                offenders.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offenders.isEmpty, "SQL outside a *Queries type:\n\(offenders.joined(separator: "\n"))")
    }
}
