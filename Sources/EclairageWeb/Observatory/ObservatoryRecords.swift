import EclairageDomain
import SQLKit

/// Writes the observatory's record of a diagnostic when it becomes completed (its overall level
/// known), in the transaction that saves its last page: never on other saves, never twice.
enum ObservatoryRecords {
    static func recordIfCompleted(
        _ id: String, questionnaire: Questionnaire, catalogue: Catalogue, now: Int64, in sql: any SQLDatabase
    ) async throws {
        guard try await !ObservatoryQueries.exists(diagnostic: id, in: sql),
            let diagnostic = try await DiagnosticQueries.find(id: id, in: sql), diagnostic.completedAt != nil
        else { return }
        let answers = try await DiagnosticQueries.answers(of: id, in: sql)
        let snapshot = diagnostic.storedScores ?? ScoreSnapshot.of(answers, questionnaire: questionnaire)
        guard
            let record = ObservatoryRecord.of(
                answers, snapshot: snapshot, questionnaire: questionnaire, completedAt: now,
                isFreeSoftware: { catalogue.tool($0)?.freeSoftware == true })
        else { return }
        try await ObservatoryQueries.insert(
            ObservatoryRecordRow(record, diagnosticID: id, associationID: diagnostic.associationId, now: now), in: sql)
        try await markPending(month: record.month, in: sql)
    }

    /// The year of a record's month ("YYYY-MM") waits for the observatory's job.
    static func markPending(month: String, in sql: any SQLDatabase) async throws {
        guard let year = Int(month.prefix(4)) else { return }
        try await ObservatoryCubeQueries.markPending(year: year, in: sql)
    }
}
