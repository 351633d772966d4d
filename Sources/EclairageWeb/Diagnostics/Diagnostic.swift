import EclairageDomain
import Foundation
import SQLKit

/// Rows of `diagnostics`.
struct Diagnostic: Codable, Sendable {
    var id: String
    var tokenHash: String
    var questionnaireVersion: String
    var associationId: String?
    var createdBy: String?
    var createdAt: Int64
    var updatedAt: Int64
    var completedAt: Int64?
    var expiresAt: Int64?
    /// `ScoreSnapshot` as JSON, written at every save (nil for rows saved before migration 017).
    var scores: String? = nil

    var storedScores: ScoreSnapshot? { Self.scores(from: scores) }

    static func scores(from text: String?) -> ScoreSnapshot? {
        text.flatMap { try? JSONDecoder().decode(ScoreSnapshot.self, from: Data($0.utf8)) }
    }
}

/// One chosen option (rows of `diagnostic_answers`).
struct AnswerRow: Codable, Sendable {
    let diagnosticId: String
    let questionId: String
    let optionId: String
}

extension AnswerRow {
    /// Read column by column: answers are read on every page, and this skips the generic decoder.
    init(row: any SQLRow) throws {
        diagnosticId = try row.decode(column: "diagnostic_id", as: String.self)
        questionId = try row.decode(column: "question_id", as: String.self)
        optionId = try row.decode(column: "option_id", as: String.self)
    }
}
