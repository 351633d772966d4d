import EclairageDomain
import Foundation
import NIOConcurrencyHelpers

/// What the directory needs at run time: the national schema, the communes (read on first use, so an
/// instance that never searches by place keeps its memory), and the in-memory index of published
/// places, rebuilt when the directory's version moves.
final class DirectoryServices: Sendable {
    let schema: DirectorySchema
    /// The `typologie` codes in words, read at start.
    let structureTypes: StructureTypes
    /// The départements' outlines and chefs-lieux under the server-drawn map, read at start.
    let backdrop: MapBackdrop
    let contentDirectory: URL
    private let communeIndex = NIOLockedValueBox<CommuneIndex?>(nil)
    private let index = NIOLockedValueBox<DirectoryIndex?>(nil)
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

    func communes() throws -> CommuneIndex {
        if let loaded = communeIndex.withLockedValue({ $0 }) { return loaded }
        let loaded = try CommuneIndex.load(from: contentDirectory)
        communeIndex.withLockedValue { $0 = loaded }
        return loaded
    }

    /// The index at the database's current version (one small read per request; a reload after a write).
    func current(_ database: Database) async throws -> DirectoryIndex {
        let version = try await database.read { try await DirectoryQueries.version(in: $0) }
        if let cached = index.withLockedValue({ $0 }), cached.version == version { return cached }
        // The version is read again before the rows: a write in between makes the next request reload.
        let (loadedVersion, rows) = try await database.read { sql in
            (try await DirectoryQueries.version(in: sql), try await DirectoryQueries.published(in: sql))
        }
        let fresh = DirectoryIndex(version: loadedVersion, places: rows.map { ($0.id, $0.place) })
        index.withLockedValue { $0 = fresh }
        return fresh
    }
}
