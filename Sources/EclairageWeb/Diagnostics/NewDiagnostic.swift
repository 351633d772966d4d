import EclairageDomain

/// Creates a diagnostic: its row, and its first answers when it starts from earlier ones.
enum NewDiagnostic {
    /// Returns the new diagnostic's id and private token. Only an anonymous diagnostic hands its token
    /// to the browser; one started for an association keeps the hash of a token nobody is given, so
    /// the association's rules alone open it.
    static func create(
        associationID: String?, userID: String?, expiresIn: Int64?, prefill: Answers = Answers(), services: AppServices
    ) async throws -> (id: String, token: String) {
        let token = services.tokens.random()
        let now = services.time.now()
        let diagnostic = Diagnostic(
            id: services.tokens.identifier(), tokenHash: TokenHash.of(token),
            questionnaireVersion: services.questionnaire.version,
            associationId: associationID, createdBy: userID, createdAt: now, updatedAt: now, completedAt: nil,
            expiresAt: expiresIn.map { now + $0 }
        )
        try await services.database.transaction { sql in
            try await DiagnosticQueries.purgeExpired(now: now, in: sql)
            try await DiagnosticQueries.insert(diagnostic, in: sql)
            if !prefill.choices.isEmpty {
                try await DiagnosticQueries.replaceAnswers(
                    of: diagnostic.id, questions: [], choices: prefill.choices, now: now, in: sql)
                try await DiagnosticScores.keep(diagnostic.id, questionnaire: services.questionnaire, in: sql)
            }
        }
        return (diagnostic.id, token)
    }
}
