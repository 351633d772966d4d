import EclairageDomain
import Foundation
import SQLKit

extension DirectoryImport {
    /// Writes the staged valid rows, `batchSize` at a time, each batch in its own transaction that also
    /// moves the import's cursor and bumps the directory's version. Returns how many places changed.
    static func apply(
        _ importID: String, by userID: String, services: AppServices, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Int {
        try await apply(
            importID, by: userID, database: services.database, time: services.time, tokens: services.tokens,
            progress: progress)
    }

    /// The scheduler's job: applies every import an administrator asked for, in that person's name. An
    /// import left half-way (a server stopped mid-run) is taken up again from its cursor.
    static func applyRequested(database: Database, time: TimeSource, tokens: TokenSource) async throws {
        let waiting = try await database.read { try await DirectoryImportQueries.waitingToApply(in: $0) }
        for found in waiting {
            _ = try await apply(
                found.id, by: found.appliedBy ?? found.createdBy, database: database, time: time, tokens: tokens)
        }
    }

    static func apply(
        _ importID: String, by userID: String, database: Database, time: TimeSource, tokens: TokenSource,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Int {
        var changed = 0
        while true {
            let now = time.now()
            let done: (Int, Int)? = try await database.transaction { sql in
                guard let current = try await DirectoryImportQueries.find(importID, in: sql),
                    current.status != DirectoryImportQueries.discarded
                else { return nil }
                let staged = try await DirectoryImportQueries.validRows(
                    importID, after: current.appliedLine, limit: batchSize, in: sql)
                guard let last = staged.last else {
                    try await DirectoryImportQueries.finish(importID, now: now, in: sql)
                    return nil
                }
                let decoder = JSONDecoder()
                let places = try staged.compactMap { row in
                    try row.recordJson.map { try decoder.decode(Place.self, from: Data($0.utf8)) }
                }
                let n = try await write(
                    places, origin: "import:\(importID)", by: userID, now: now, tokens: tokens, in: sql)
                try await DirectoryImportQueries.advance(importID, to: last.line, applied: staged.count, in: sql)
                return (staged.count, n)
            }
            guard let (count, n) = done else { break }
            changed += n
            progress(count)
        }
        return changed
    }

    /// Inserts new places and updates those whose `id` is known (an unchanged place is left as it is),
    /// keeping each change's before and after. Used by imports and by the demo data.
    static func write(
        _ places: [Place], origin: String, by userID: String, now: Int64, tokens: TokenSource, in sql: any SQLDatabase
    ) async throws -> Int {
        let existing = Dictionary(
            try await DirectoryQueries.byExternalIDs(places.map(\.externalID), in: sql).compactMap { row in
                row.externalId.map { ($0, row) }
            }
        ) { a, _ in a }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var inserts: [PlaceRow] = []
        var services: [PlaceServiceRow] = []
        var touched: [String] = []
        var changes: [DirectoryQueries.ChangeRow] = []
        for place in places {
            let before = existing[place.externalID]
            if let before, before.place == place, before.status == PlaceRow.published { continue }
            let row = PlaceRow(
                id: before?.id ?? tokens.identifier(), place: place, status: PlaceRow.published,
                supportBodyID: before?.supportBodyId, createdAt: before?.createdAt ?? now, updatedAt: now)
            if before == nil { inserts.append(row) } else { try await DirectoryQueries.update(row, in: sql) }
            touched.append(row.id)
            services += PlaceService.fromSchema(place.services).enumerated().map {
                PlaceServiceRow(placeID: row.id, position: $0.offset, service: $0.element)
            }
            changes.append(
                .init(
                    id: tokens.identifier(), placeId: row.id, changedAt: now, changedBy: userID, origin: origin,
                    beforeJson: try before.map { String(decoding: try encoder.encode($0.place), as: UTF8.self) },
                    afterJson: String(decoding: try encoder.encode(place), as: UTF8.self)
                ))
        }
        try await DirectoryQueries.insert(inserts, in: sql)
        try await DirectoryQueries.replaceServices(of: touched, with: services, in: sql)
        try await DirectoryQueries.recordChanges(changes, in: sql)
        if !touched.isEmpty { try await DirectoryQueries.bumpVersion(in: sql) }
        return touched.count
    }
}
