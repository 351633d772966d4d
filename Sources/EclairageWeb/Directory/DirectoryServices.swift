import EclairageDomain
import Foundation
import NIOConcurrencyHelpers

/// What the directory needs at run time: the national schema, the communes (read on first use, so an
/// instance that never searches by place keeps its memory), and the in-memory index of published
/// places, rebuilt when the directory's version moves (not the calendar's: see `DataVersions`).
final class DirectoryServices: Sendable {
    let schema: DirectorySchema
    /// The `typologie` codes in words, read at start.
    let structureTypes: StructureTypes
    /// The départements' outlines and chefs-lieux under the server-drawn map, read at start.
    let backdrop: MapBackdrop
    let contentDirectory: URL
    private let communeIndex = NIOLockedValueBox<CommuneIndex?>(nil)
    private let index = NIOLockedValueBox<DirectoryIndex?>(nil)
    /// The rebuild under way, with the version the request that started it had seen.
    private let loading = NIOLockedValueBox<(seen: Int64, task: Task<DirectoryIndex, any Error>)?>(nil)
    private let buildCount = NIOLockedValueBox(0)
    /// Rendered parts of pages, keyed on the directory's version (so exact: a write changes the key).
    let renderCache = RenderCache(capacity: 500)
    /// Exports and feeds are larger (a JSON of 500 places is about 600 kB): few are kept, so memory stays bounded.
    let exportCache = RenderCache(capacity: 8)

    init(contentDirectory: URL) throws {
        self.contentDirectory = contentDirectory
        schema = try DirectorySchema.load(from: contentDirectory)
        structureTypes = try StructureTypes.load(from: contentDirectory)
        backdrop = try MapBackdrop.load(from: contentDirectory)
    }

    /// The communes, read from their file by the first request that needs them; the requests that come
    /// meanwhile wait for that one load (the lock is held while reading) instead of each reading it.
    func communes() throws -> CommuneIndex {
        try communeIndex.withLockedValue { loaded in
            if let loaded { return loaded }
            let fresh = try CommuneIndex.load(from: contentDirectory)
            loaded = fresh
            return fresh
        }
    }

    /// The index at the database's current version: one small read of every area's version per
    /// request (or none, when the caller already read them), a rebuild after a write to the directory
    /// only — shared by the requests that wait for it.
    func current(_ database: Database, versions: DataVersions? = nil) async throws -> DirectoryIndex {
        let seen: Int64
        if let versions { seen = versions.directory } else { seen = try await DataVersions.read(database).directory }
        if let cached = index.withLockedValue({ $0 }), cached.version == seen { return cached }
        let task = loading.withLockedValue { loading -> Task<DirectoryIndex, any Error> in
            // A load that started after this request saw its version reads at least that version.
            if let loading, loading.seen >= seen { return loading.task }
            let task = Task { try await self.load(database) }
            loading = (seen, task)
            return task
        }
        do {
            let fresh = try await task.value
            index.withLockedValue { if ($0?.version ?? .min) < fresh.version { $0 = fresh } }
            return fresh
        } catch {
            loading.withLockedValue { if $0?.seen == seen { $0 = nil } }
            throw error
        }
    }

    /// How many times the index was built (tests check a registration costs none).
    var builds: Int { buildCount.withLockedValue { $0 } }

    private func load(_ database: Database) async throws -> DirectoryIndex {
        buildCount.withLockedValue { $0 += 1 }
        // The version is read with the rows, in one unit of work: the index is exactly that version's.
        let (versions, rows) = try await database.read { sql in
            (try await VersionQueries.all(in: sql), try await DirectoryQueries.published(in: sql))
        }
        return DirectoryIndex(version: versions.directory, places: rows.map { ($0.id, $0.place) })
    }
}
