import EclairageDomain
import Foundation
import NIOPosix

/// The job that works out what the observatory publishes: each year that has new records since it was
/// last built (a completed diagnostic marks its year) is built again whole, from its records, and its
/// cells replace the old ones in one transaction. The disclosure control of a whole year takes from a
/// fraction of a second to a few seconds, so it runs here and never in a page view; the pages read
/// the cells. A diagnostic completed while a year is being built marks it again for the next run.
enum ObservatoryBuild {
    /// Records read and counted at a time.
    static let batch = 5000

    static func run(database: Database, territories: TerritoryMap, now: Int64) async throws {
        let years = try await database.read { try await ObservatoryCubeQueries.pendingYears(in: $0) }
        for year in years {
            try await database.write { try await ObservatoryCubeQueries.take(year: year, in: $0) }
            var builder = ObservatoryCube.Builder(year: year, map: territories)
            var last: String?
            while true {
                let rows = try await database.read { [last] in
                    try await ObservatoryCubeQueries.records(ofYear: year, after: last, limit: batch, in: $0)
                }
                // Decoding and counting are work for the thread pool, not for the tasks serving pages.
                let counted = builder
                builder = try await NIOThreadPool.singleton.runIfActive {
                    var next = counted
                    for row in rows { if let record = row.counted { next.add(record) } }
                    return next
                }
                guard rows.count == batch, let next = rows.last?.id else { break }
                last = next
            }
            let cube = builder.cube
            let cells = try await NIOThreadPool.singleton.runIfActive {
                cube.publish(DisclosureControl(territories: territories)).map { CellRow($0, year: year) }
            }
            try await database.transaction {
                try await ObservatoryCubeQueries.replace(year: year, with: cells, builtAt: now, in: $0)
            }
        }
    }
}

extension ObservatoryRecordRow {
    /// The record as the observatory counts it: its association is the unit (none when anonymous).
    var counted: CountedRecord? {
        let decoder = JSONDecoder()
        guard let level = Level(rawValue: level),
            let scores = try? decoder.decode([String: Int].self, from: Data(scores.utf8)),
            let tags = try? decoder.decode([String].self, from: Data(tags.utf8))
        else { return nil }
        let record = ObservatoryRecord(
            month: month, departement: departement, sizeBand: sizeBand, questionnaireVersion: questionnaireVersion,
            overall: overall, level: level, scores: scores, tags: tags)
        return CountedRecord(unit: associationId, completedAt: createdAt, record: record)
    }
}
