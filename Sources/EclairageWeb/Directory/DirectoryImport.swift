import EclairageDomain
import Foundation
import NIOPosix
import SQLKit

/// Importing a file in the national schema, in two steps. `stage` reads the file as a stream, checks
/// every row and keeps the outcome in `directory_import_rows` (nothing in the directory changes);
/// `apply` then writes the valid rows in short transactions (so other writes are never held up for
/// long), updating places by their schema `id` and keeping each change. An import that stopped
/// half-way is applied again from where it stopped: re-applying a row changes nothing.
enum DirectoryImport {
    /// The scheduler's job that checks and applies imports.
    static let job = "directory-import"
    /// How long the upload and "apply" requests wait for that job before showing "in progress": a usual
    /// file is read (or applied) by then, and the page shows its outcome at once.
    static let wait: Duration = .seconds(5)

    struct Summary: Sendable, Equatable {
        let id: String
        let total: Int
        let valid: Int
        let corrected: Int
        var invalid: Int { total - valid }
    }

    enum Failure: Error, Sendable, Equatable {
        case unreadable
        case empty
        case header(String)
    }

    static let batchSize = 500

    /// A file whose header was read and checked against the schema: the rows are read from `records`.
    struct Opened {
        let reader: CSVReader
        let records: CSVReader.Records
        let checker: PlaceRowChecker
        /// The header's fields as read.
        let header: [String]
    }

    /// Opens `file` and checks its header (what an upload is told at once). Finding the encoding reads
    /// the whole file: that runs on NIO's thread pool, not on the server's cooperative threads.
    static func open(_ file: URL, directory: DirectoryServices) async throws -> Opened {
        let reader: CSVReader
        let records: CSVReader.Records
        do {
            reader = try await NIOThreadPool.singleton.runIfActive { try CSVReader(url: file) }
            records = try reader.records()
        } catch { throw Failure.unreadable }
        guard let header = try records.next() else { throw Failure.empty }
        let communes = try directory.communes()
        do {
            let checker = try PlaceRowChecker(schema: directory.schema, header: header.fields) {
                communes.postcode($1, belongsTo: $0)
            }
            return Opened(reader: reader, records: records, checker: checker, header: header.fields)
        } catch let problem as PlaceRowChecker.HeaderProblem {
            throw Failure.header(problem.description)
        }
    }

    /// The import's row as an upload creates it, `status` given.
    static func row(
        _ id: String, opened: Opened, fileName: String, by userID: String, status: String, now: Int64
    ) -> DirectoryImportQueries.ImportRow {
        DirectoryImportQueries.ImportRow(
            id: id, fileName: String(fileName.prefix(200)), createdBy: userID, createdAt: now, status: status,
            encoding: opened.reader.encoding.rawValue, separator: String(UnicodeScalar(opened.reader.separator)),
            totalRows: 0, validRows: 0, correctedRows: 0, appliedRows: 0, appliedLine: 0, appliedAt: nil
        )
    }

    /// Checks a file at once and stages it (the command line's import).
    static func stage(
        file: URL, fileName: String, by userID: String, directory: DirectoryServices, services: AppServices,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Summary {
        let opened = try await open(file, directory: directory)
        let importRow = row(
            services.tokens.identifier(), opened: opened, fileName: fileName, by: userID,
            status: DirectoryImportQueries.staged, now: services.time.now())
        try await services.database.write { try await DirectoryImportQueries.create(importRow, in: $0) }
        return try await checkRows(
            importRow.id, opened: opened, directory: directory, database: services.database, progress: progress)
    }

    /// Checks every row of `opened` for the import `id` and keeps the outcome in `directory_import_rows`,
    /// `batchSize` at a time, with the counts so far (what the progress page shows).
    static func checkRows(
        _ id: String, opened: Opened, directory: DirectoryServices, database: Database,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Summary {
        let (checker, records) = (opened.checker, opened.records)
        // Likely duplicates of places already listed under another id are pointed out (the row still imports).
        let listed = Dictionary(
            grouping: try await database.read { try await DirectoryQueries.published(in: $0) }, by: \.postcode)
        var unique = PlaceRowChecker.UniqueValues(schema: directory.schema)
        var batch: [DirectoryImportQueries.StagedRow] = []
        var total = 0
        var valid = 0
        var corrected = 0
        let encoder = JSONEncoder()
        let unknown = checker.unknownColumns
        let header = String(decoding: try encoder.encode(opened.header), as: UTF8.self)
        try await database.write { try await DirectoryImportQueries.setHeader(id, json: header, in: $0) }
        while let record = try records.next() {
            var outcome = checker.check(record.fields)
            if let place = outcome.place {
                let repeated = unique.check(place, line: record.line)
                if !repeated.isEmpty {
                    outcome.problems += repeated
                    outcome.place = nil
                }
            }
            if let place = outcome.place,
                let twin = Duplicates.likely(place, among: (listed[place.postcode] ?? []).map { ($0.id, $0.place) })
                    .first
            {
                outcome.notes.append(
                    .init(
                        column: "nom",
                        message:
                            "ressemble à « \(twin.place.name) » (identifiant \(twin.place.externalID)), déjà dans l'annuaire : vérifiez qu'il ne s'agit pas du même lieu"
                    ))
            }
            if total == 0, !unknown.isEmpty {
                outcome.notes.append(
                    .init(
                        column: "-", message: "colonnes ignorées (hors du schéma) : \(unknown.joined(separator: ", "))")
                )
            }
            total += 1
            if outcome.place != nil { valid += 1 }
            if outcome.place != nil, !outcome.notes.isEmpty { corrected += 1 }
            batch.append(
                .init(
                    importId: id, line: record.line, externalId: outcome.place?.externalID,
                    recordJson: try outcome.place.map { String(decoding: try encoder.encode($0), as: UTF8.self) },
                    problemsJson: String(decoding: try encoder.encode(outcome.problems), as: UTF8.self),
                    notesJson: String(decoding: try encoder.encode(outcome.notes), as: UTF8.self),
                    fieldsJson: outcome.place == nil
                        ? String(decoding: try encoder.encode(record.fields), as: UTF8.self) : nil
                ))
            if batch.count == batchSize {
                let rows = batch
                let counts = (total, valid, corrected)
                try await database.write { sql in
                    try await DirectoryImportQueries.stage(rows, in: sql)
                    try await DirectoryImportQueries.setCounts(
                        id, total: counts.0, valid: counts.1, corrected: counts.2, in: sql)
                }
                batch.removeAll(keepingCapacity: true)
                progress(total)
            }
        }
        let rows = batch
        let counts = (total, valid, corrected)
        try await database.write { sql in
            try await DirectoryImportQueries.stage(rows, in: sql)
            try await DirectoryImportQueries.setCounts(
                id, total: counts.0, valid: counts.1, corrected: counts.2, in: sql)
        }
        progress(total)
        return Summary(id: id, total: total, valid: valid, corrected: corrected)
    }
}
