import EclairageDomain
import Foundation
import NIOCore
import _NIOFileSystem

extension DirectoryImport {
    /// Bytes of the file in each stored part.
    static let partSize = 1 << 20

    /// An upload: the header is checked at once (a wrong file is told on the page), then the file is
    /// kept in the database, in parts, for the scheduler's job to check every row. Returns the import's id.
    static func receive(
        file: URL, fileName: String, by userID: String, directory: DirectoryServices, services: AppServices
    ) async throws -> String {
        let opened = try await open(file, directory: directory)
        let importRow = row(
            services.tokens.identifier(), opened: opened, fileName: fileName, by: userID,
            status: DirectoryImportQueries.checking, now: services.time.now())
        // One part in memory at a time, read by NIO's file system: a 60 MB file never sits whole in memory.
        try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(file.path)) { handle in
            try await services.database.transaction { sql in
                try await DirectoryImportQueries.create(importRow, in: sql)
                var part = 0
                for try await chunk in handle.readChunks(chunkLength: .bytes(Int64(partSize))) {
                    try await DirectoryImportQueries.storePart(
                        importRow.id, part: part, data: Data(chunk.readableBytesView).base64EncodedString(), in: sql)
                    part += 1
                }
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
            try await FileSystem.shared.withFileHandle(
                forWritingAt: FilePath(file.path), options: .newFile(replaceExisting: true)
            ) { handle in
                try await handle.withBufferedWriter { writer in
                    for part in 0... {
                        guard
                            let text = try await database.read({
                                try await DirectoryImportQueries.filePart(found.id, part: part, in: $0)
                            })
                        else { break }
                        _ = try await writer.write(contentsOf: ByteBuffer(bytes: Data(base64Encoded: text) ?? Data()))
                    }
                }
            }
            try await database.write { try await DirectoryImportQueries.clearRows(found.id, in: $0) }
            var status = DirectoryImportQueries.staged
            do {
                let opened = try await open(file, directory: directory)
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
