import EclairageDomain
import Foundation

extension DirectoryImport {
    /// Bytes of the file in each stored part.
    static let partSize = 1 << 20

    /// An upload: the header is checked at once (a wrong file is told on the page), then the file is
    /// kept in the database, in parts, for the scheduler's job to check every row. Returns the import's id.
    static func receive(
        file: URL, fileName: String, by userID: String, directory: DirectoryServices, services: AppServices
    ) async throws -> String {
        let opened = try open(file, directory: directory)
        let importRow = row(
            services.tokens.identifier(), opened: opened, fileName: fileName, by: userID,
            status: DirectoryImportQueries.checking, now: services.time.now())
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        // One part in memory at a time: a 60 MB file never sits whole in memory.
        try await services.database.transaction { sql in
            try await DirectoryImportQueries.create(importRow, in: sql)
            for part in 0... {
                guard let data = try handle.read(upToCount: partSize), !data.isEmpty else { break }
                try await DirectoryImportQueries.storePart(
                    importRow.id, part: part, data: data.base64EncodedString(), in: sql)
            }
        }
        return importRow.id
    }

    /// The scheduler's job, first step: checks every uploaded file waiting for it, oldest first; each
    /// import then waits for the administrator's decision. A check cut short (a server stopped) starts
    /// again from the first row.
    static func checkRequested(database: Database, directory: DirectoryServices) async throws {
        let waiting = try await database.read { try await DirectoryImportQueries.waitingToCheck(in: $0) }
        for found in waiting {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "eclairage-check-\(found.id).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            let handle = try FileHandle(forWritingTo: file)
            for part in 0... {
                guard
                    let text = try await database.read({
                        try await DirectoryImportQueries.filePart(found.id, part: part, in: $0)
                    })
                else { break }
                try handle.write(contentsOf: Data(base64Encoded: text) ?? Data())
            }
            try handle.close()
            try await database.write { try await DirectoryImportQueries.clearRows(found.id, in: $0) }
            var status = DirectoryImportQueries.staged
            do {
                let opened = try open(file, directory: directory)
                _ = try await checkRows(found.id, opened: opened, directory: directory, database: database)
            } catch is Failure {
                status = DirectoryImportQueries.discarded
            }
            try await database.write { [status] in
                try await DirectoryImportQueries.finishChecking(found.id, as: status, in: $0)
            }
        }
    }
}
