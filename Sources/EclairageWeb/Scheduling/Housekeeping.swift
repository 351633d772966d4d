import SQLKit

/// Deletes what has passed its period, as `Retention.rules` sets it: sessions, links, counters,
/// anonymous diagnostics, sent mail, the access log, registrations, proposers' contacts… Run hourly by
/// the scheduler (one server per run).
enum Housekeeping {
    static func run(now: Int64, in sql: any SQLDatabase) async throws {
        try await Retention.apply(now: now, in: sql)
    }
}
