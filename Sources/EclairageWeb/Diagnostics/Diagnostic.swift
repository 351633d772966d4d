import EclairageDomain

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
}

/// One chosen option (rows of `diagnostic_answers`).
struct AnswerRow: Codable, Sendable {
    let diagnosticId: String
    let questionId: String
    let optionId: String
}
