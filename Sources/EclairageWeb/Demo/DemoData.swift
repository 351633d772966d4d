import EclairageDomain
import Foundation

/// A realistic dataset for load tests and demonstrations: accounts, associations with members,
/// support bodies with granted access, and diagnostics answered with a spread of answers.
/// Deterministic for a given seed, so two runs measure the same thing.
public struct DemoData: Sendable {
    let services: AppServices

    public init(services: AppServices) { self.services = services }

    public struct Summary: Sendable { public let users, associations, diagnostics: Int }

    /// Every demo account has the password `password`.
    public func insert(
        associations: Int, diagnosticsPerAssociation: Int, anonymousDiagnostics: Int, password: String,
        seed: UInt64 = 42
    ) async throws -> Summary {
        var random = SeededGenerator(seed: seed)
        let hash = try await services.hashPassword(password)
        let now = services.time.now()
        let questionnaire = services.questionnaire
        let codes = services.departements.map(\.code)
        var users: [User] = []
        var rows: [Association] = []
        var memberships: [AssociationQueries.MembershipRow] = []
        var diagnostics: [Diagnostic] = []
        var answers: [AnswerRow] = []
        func answer(_ diagnostic: String, generator: inout SeededGenerator) {
            let bias = Int.random(in: 0...3, using: &generator)
            for page in questionnaire.pages {
                switch page {
                case .theme(let theme, _):
                    for question in theme.questions {
                        let index = min(
                            question.options.count - 1, max(0, bias + Int.random(in: -1...1, using: &generator)))
                        answers.append(
                            AnswerRow(
                                diagnosticId: diagnostic, questionId: question.id, optionId: question.options[index].id)
                        )
                    }
                case .profile(let questions):
                    for question in questions {
                        let option =
                            question.kind == .departement
                            ? codes.randomElement(using: &generator)!
                            : question.options.randomElement(using: &generator)!.id
                        answers.append(AnswerRow(diagnosticId: diagnostic, questionId: question.id, optionId: option))
                    }
                case .tools:
                    break
                }
            }
        }
        for index in 0..<associations {
            let owner = User(
                id: services.tokens.identifier(), email: "demo\(index)@example.org", displayName: "Bénévole \(index)",
                passwordHash: hash,
                isAdmin: 0, locale: "fr", createdAt: now, passwordChangedAt: now)
            users.append(owner)
            var profile = AssociationProfile(name: "Association n° \(index)")
            profile.departement = codes.randomElement(using: &random)
            profile.budget = BudgetBand.allCases.randomElement(using: &random)
            let association = Association(id: services.tokens.identifier(), profile: profile, now: now)
            rows.append(association)
            memberships.append(
                .init(
                    associationId: association.id, userId: owner.id, role: AssociationRole.owner.rawValue, joinedAt: now
                ))
            for round in 0..<diagnosticsPerAssociation {
                let diagnostic = Diagnostic(
                    id: services.tokens.identifier(), tokenHash: TokenHash.of(services.tokens.random()),
                    questionnaireVersion: questionnaire.version,
                    associationId: association.id, createdBy: owner.id,
                    createdAt: now - Int64((diagnosticsPerAssociation - round) * 86_400 * 90),
                    updatedAt: now, completedAt: now, expiresAt: nil)
                diagnostics.append(diagnostic)
                answer(diagnostic.id, generator: &random)
            }
        }
        for _ in 0..<anonymousDiagnostics {
            let diagnostic = Diagnostic(
                id: services.tokens.identifier(), tokenHash: TokenHash.of(services.tokens.random()),
                questionnaireVersion: questionnaire.version,
                associationId: nil, createdBy: nil, createdAt: now, updatedAt: now, completedAt: now,
                expiresAt: now + 86_400 * 90)
            diagnostics.append(diagnostic)
            answer(diagnostic.id, generator: &random)
        }
        try await services.database.transaction { [users, rows, memberships, diagnostics, answers] sql in
            try await DemoDataQueries.insert(users, into: "users", in: sql)
            try await DemoDataQueries.insert(rows, into: "associations", in: sql)
            try await DemoDataQueries.insert(memberships, into: "memberships", in: sql)
            try await DemoDataQueries.insert(diagnostics, into: "diagnostics", in: sql)
            try await DemoDataQueries.insert(answers, into: "diagnostic_answers", in: sql)
        }
        return Summary(users: users.count, associations: rows.count, diagnostics: diagnostics.count)
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
