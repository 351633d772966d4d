import EclairageDomain
import Foundation
import SQLKit

enum DiagnosticQueries {
    static func find(id: String, in sql: any SQLDatabase) async throws -> Diagnostic? {
        try await sql.select().column("*").from("diagnostics").where("id", .equal, SQLBind(id)).row(Diagnostic.self)
    }

    static func find(tokenHash: String, in sql: any SQLDatabase) async throws -> Diagnostic? {
        try await sql.select().column("*").from("diagnostics").where("token_hash", .equal, SQLBind(tokenHash)).row(
            Diagnostic.self)
    }

    static func insert(_ diagnostic: Diagnostic, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "diagnostics").row(diagnostic).run()
    }

    static func answers(of id: String, in sql: any SQLDatabase) async throws -> Answers {
        try await answers(of: [id], in: sql)[id] ?? Answers()
    }

    /// Replaces the answers to `questions` by `choices`, in the caller's transaction.
    static func replaceAnswers(
        of id: String, questions: [String], choices: [String: [String]], now: Int64, in sql: any SQLDatabase
    ) async throws {
        if !questions.isEmpty {
            try await sql.delete(from: "diagnostic_answers").where("diagnostic_id", .equal, SQLBind(id))
                .where("question_id", .in, SQLBind.group(questions)).run()
        }
        let rows = choices.sorted { $0.key < $1.key }.flatMap { question, options in
            Set(options).sorted().map { AnswerRow(diagnosticId: id, questionId: question, optionId: $0) }
        }
        if !rows.isEmpty {
            try await sql.insert(into: "diagnostic_answers")
                .models(rows, keyEncodingStrategy: .convertToSnakeCase).run()
        }
        try await sql.update("diagnostics").set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
    }

    /// Keeps the figures of the answers as they now stand, with the questionnaire version they were
    /// computed with: the diagnostic is from then on "answered with" that version.
    static func storeScores(of id: String, _ snapshot: ScoreSnapshot, in sql: any SQLDatabase) async throws {
        let json = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
        let summary = ScoreSummary(snapshot)
        try await sql.update("diagnostics").set("scores", to: SQLBind(json)).set(
            "questionnaire_version", to: SQLBind(snapshot.version)
        )
        .set("overall_score", to: SQLBind(summary.overall)).set("theme_scores", to: SQLBind(summary.themeLines))
        .where("id", .equal, SQLBind(id)).run()
    }

    /// Diagnostics whose figures were kept before the dashboard's summary was (at most `limit`), with
    /// their stored figures.
    static func withoutSummary(limit: Int, in sql: any SQLDatabase) async throws -> [(id: String, scores: String)] {
        try await sql.select().columns("id", "scores").from("diagnostics").where("scores", .isNot, SQLLiteral.null)
            .where("theme_scores", .is, SQLLiteral.null).limit(limit).all().map {
                (try $0.decode(column: "id", as: String.self), try $0.decode(column: "scores", as: String.self))
            }
    }

    static func storeSummary(of id: String, _ summary: ScoreSummary, in sql: any SQLDatabase) async throws {
        try await sql.update("diagnostics").set("overall_score", to: SQLBind(summary.overall))
            .set("theme_scores", to: SQLBind(summary.themeLines)).where("id", .equal, SQLBind(id)).run()
    }

    /// Diagnostics of `version` saved before their figures were kept (at most `limit`).
    static func withoutScores(version: String, limit: Int, in sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("id").from("diagnostics").where("scores", .is, SQLLiteral.null)
            .where("questionnaire_version", .equal, SQLBind(version)).limit(limit).all().map {
                try $0.decode(column: "id", as: String.self)
            }
    }

    static func markCompleted(_ id: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("diagnostics").set("completed_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("completed_at", .is, SQLLiteral.null).run()
    }

    /// Attaching keeps the diagnostic (no expiry any more) and ends its private link: the token's hash
    /// is replaced by `revokedTokenHash`, the hash of a token nobody holds. Only an unattached one moves.
    static func attach(_ id: String, to associationID: String, revokedTokenHash: String, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("diagnostics").set("association_id", to: SQLBind(associationID)).set(
            "expires_at", to: SQLLiteral.null
        )
        .set("token_hash", to: SQLBind(revokedTokenHash))
        .where("id", .equal, SQLBind(id)).where("association_id", .is, SQLLiteral.null).run()
    }

    static func delete(_ id: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "diagnostics").where("id", .equal, SQLBind(id)).run()
    }

    /// Among `ids`, the diagnostics that belong to nobody yet, newest first.
    static func unattached(ids: [String], in sql: any SQLDatabase) async throws -> [Diagnostic] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().column("*").from("diagnostics").where("id", .in, SQLBind.group(ids)).where(
            "association_id", .is, SQLLiteral.null
        )
        .orderBy("created_at", .descending).orderBy("id", .descending).rows(Diagnostic.self)
    }

    /// The answers of the association's latest finished diagnostic (or of its latest, when none is
    /// finished: an unfinished retake holds only its first page), nil when it has none.
    static func latestAnswers(of association: String, in sql: any SQLDatabase) async throws -> Answers? {
        let diagnostics = try await of(association: association, in: sql)
        guard let latest = diagnostics.first(where: { $0.completedAt != nil }) ?? diagnostics.first else { return nil }
        return try await answers(of: latest.id, in: sql)
    }

    /// An association's diagnostics, newest first.
    static func of(association: String, in sql: any SQLDatabase) async throws -> [Diagnostic] {
        try await sql.select().column("*").from("diagnostics").where("association_id", .equal, SQLBind(association))
            .orderBy("created_at", .descending).orderBy("id", .descending).rows(Diagnostic.self)
    }

    /// The diagnostic of the same association made just before `diagnostic`, if any (ties on the
    /// date broken by id, as `of(association:)` orders them).
    static func previous(of diagnostic: Diagnostic, in sql: any SQLDatabase) async throws -> Diagnostic? {
        guard let association = diagnostic.associationId else { return nil }
        return try await sql.select().column("*").from("diagnostics").where(
            "association_id", .equal, SQLBind(association)
        )
        .where {
            $0.where("created_at", .lessThan, SQLBind(diagnostic.createdAt)).orWhere {
                $0.where("created_at", .equal, SQLBind(diagnostic.createdAt)).where(
                    "id", .lessThan, SQLBind(diagnostic.id))
            }
        }
        .orderBy("created_at", .descending).orderBy("id", .descending).limit(1).row(Diagnostic.self)
    }

    /// The answers of several diagnostics in one statement, by diagnostic (every id asked for is there).
    static func answers(of ids: [String], in sql: any SQLDatabase) async throws -> [String: Answers] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns("diagnostic_id", "question_id", "option_id").from(
            "diagnostic_answers"
        )
        .where("diagnostic_id", .in, SQLBind.group(ids)).orderBy("question_id").orderBy("option_id").all().map(
            AnswerRow.init(row:))
        var choices = Dictionary(ids.map { ($0, [String: [String]]()) }) { first, _ in first }
        for row in rows { choices[row.diagnosticId]?[row.questionId, default: []].append(row.optionId) }
        return choices.mapValues(Answers.init)
    }

    /// Deletes anonymous diagnostics past their expiry date (their answers go with them).
    static func purgeExpired(now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "diagnostics").where("expires_at", .lessThan, SQLBind(now))
            .where("association_id", .is, SQLLiteral.null).run()
    }
}

extension DiagnosticQueries {
    struct Summary: Sendable {
        let diagnostic: Diagnostic
        let answers: Answers
    }

    /// An association's diagnostics with their answers, in two queries (no query per diagnostic).
    static func summaries(of association: String, in sql: any SQLDatabase) async throws -> [Summary] {
        let diagnostics = try await of(association: association, in: sql)
        let answers = try await answers(of: diagnostics.map(\.id), in: sql)
        return diagnostics.map { Summary(diagnostic: $0, answers: answers[$0.id] ?? Answers()) }
    }
}
