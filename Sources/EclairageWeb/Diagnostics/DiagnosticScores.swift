import EclairageDomain
import Foundation
import SQLKit

/// Keeps each diagnostic's figures with the questionnaire version they come from (`ScoreSnapshot`).
enum DiagnosticScores {
    /// After answers are saved, in the same transaction.
    static func keep(_ id: String, questionnaire: Questionnaire, in sql: any SQLDatabase) async throws {
        let answers = try await DiagnosticQueries.answers(of: id, in: sql)
        try await DiagnosticQueries.storeScores(
            of: id, ScoreSnapshot.of(answers, questionnaire: questionnaire), in: sql)
    }

    /// Diagnostics saved before their figures were kept get them, while their version is still the
    /// questionnaire's (after a content change, only the live figures would be left).
    static func backfill(questionnaire: Questionnaire, in sql: any SQLDatabase) async throws {
        for id in try await DiagnosticQueries.withoutScores(version: questionnaire.version, limit: 500, in: sql) {
            try await keep(id, questionnaire: questionnaire, in: sql)
        }
        // Figures kept before the dashboard's summary existed (migration 33) get it, from the same
        // stored figures, whatever their version.
        let decoder = JSONDecoder()
        for (id, scores) in try await DiagnosticQueries.withoutSummary(limit: 500, in: sql) {
            guard let snapshot = try? decoder.decode(ScoreSnapshot.self, from: Data(scores.utf8)) else { continue }
            try await DiagnosticQueries.storeSummary(of: id, ScoreSummary(snapshot), in: sql)
        }
    }
}
