import EclairageDomain
import Foundation
import SQLKit

extension DirectoryImportPage {
    /// What applying a staged import would do to the directory as it is now: how many places are new,
    /// updated or unchanged, what each update changes field by field (the first `shown`), and the
    /// listings it would overwrite that came from another source (counted, and the first `named` named).
    struct Comparison: Sendable {
        static let shown = 30
        static let named = 200

        var new = 0
        var updated = 0
        var unchanged = 0
        var changes: [PlaceChange] = []
        var otherSources: [PlaceChange] = []
        var otherSourceCount = 0

        struct PlaceChange: Sendable {
            let name: String
            let externalID: String
            /// The source the listing came from, when the file gives another one.
            let source: String?
            let newSource: String?
            let differences: [Contributions.Difference]
        }

        /// Reads the import's valid rows 500 at a time against the listings with the same schema `id`.
        static func load(_ importID: String, schema: DirectorySchema, in sql: any SQLDatabase) async throws
            -> Comparison
        {
            var result = Comparison()
            var after = 0
            let decoder = JSONDecoder()
            while true {
                let rows = try await DirectoryImportQueries.validRows(
                    importID, after: after, limit: DirectoryImport.batchSize, in: sql)
                guard let last = rows.last else { break }
                after = last.line
                let places = rows.compactMap { row in
                    row.recordJson.flatMap { try? decoder.decode(Place.self, from: Data($0.utf8)) }
                }
                let listed = Dictionary(
                    try await DirectoryQueries.byExternalIDs(places.map(\.externalID), in: sql).compactMap { row in
                        row.externalId.map { ($0, row) }
                    }
                ) { a, _ in a }
                for place in places { result.count(place, listed: listed[place.externalID], schema: schema) }
            }
            return result
        }

        /// The same rule as the apply (`DirectoryImport.write`): a published listing equal to the row
        /// is left as it is.
        mutating func count(_ place: Place, listed: PlaceRow?, schema: DirectorySchema) {
            guard let listed else {
                new += 1
                return
            }
            if listed.place == place, listed.status == PlaceRow.published {
                unchanged += 1
                return
            }
            updated += 1
            let before = listed.place.source.flatMap { $0.isEmpty ? nil : $0 }
            let otherSource = before != nil && before != place.source
            guard changes.count < Self.shown || otherSource else { return }
            let change = PlaceChange(
                name: listed.place.name, externalID: place.externalID, source: otherSource ? before : nil,
                newSource: place.source,
                differences: Contributions.differences(listed.place, place, schema: schema))
            if changes.count < Self.shown { changes.append(change) }
            if otherSource {
                otherSourceCount += 1
                if otherSources.count < Self.named { otherSources.append(change) }
            }
        }
    }
}
