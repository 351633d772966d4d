import EclairageDomain
import Foundation
import Hummingbird

/// A diagnostic's answers and scores, as JSON or CSV, for whoever may read the report.
enum DiagnosticExportController {
    struct Export: Encodable {
        struct Answer: Encodable {
            let theme: String?
            let question: String
            let questionText: String
            let option: String
            let optionLabel: String
            let score: Int?
        }
        struct ThemeResult: Encodable {
            let theme: String
            let title: String
            let score: Int?
        }
        let id: String
        let questionnaireVersion: String
        let createdAt: Date
        let overall: Int?
        let level: String?
        let themes: [ThemeResult]
        let nextSteps: [String]
        let answers: [Answer]
    }

    static func export(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Export {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let answers = try await services.database.read {
            try await DiagnosticQueries.answers(of: access.diagnostic.id, in: $0)
        }
        let questionnaire = services.questionnaire
        let report = Report.make(answers: answers, questionnaire: questionnaire, stored: access.diagnostic.storedScores)
        var rows: [Export.Answer] = []
        for question in questionnaire.context {
            for option in answers[question.id] {
                let label =
                    question.options.first { $0.id == option }?.label ?? services.departements.first {
                        $0.code == option
                    }?.name ?? option
                rows.append(
                    .init(
                        theme: nil, question: question.id, questionText: question.text, option: option,
                        optionLabel: label, score: nil))
            }
        }
        for theme in questionnaire.themes {
            for question in theme.questions {
                for option in answers[question.id] {
                    let chosen = question.options.first { $0.id == option }
                    rows.append(
                        .init(
                            theme: theme.id, question: question.id, questionText: question.text, option: option,
                            optionLabel: chosen?.label ?? option, score: chosen?.score))
                }
            }
        }
        return Export(
            id: access.diagnostic.id, questionnaireVersion: report.questionnaireVersion,
            createdAt: Date(timeIntervalSince1970: TimeInterval(access.diagnostic.createdAt)),
            overall: report.overall, level: report.level?.rawValue,
            themes: report.themes.map { .init(theme: $0.themeID, title: $0.title, score: $0.score) },
            nextSteps: report.nextSteps.map(\.title), answers: rows
        )
    }

    @Sendable static func json(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let export = try await export(request, context: context, services: services)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Download.file(
            ByteBuffer(bytes: try encoder.encode(export)), type: "application/json; charset=utf-8",
            name: "diagnostic-\(export.id).json")
    }

    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let export = try await export(request, context: context, services: services)
        let separator = Download.csvSeparator(request)
        var text = CSVWriter.line(
            ["theme", "question", "question_text", "option", "answer", "score"], separator: separator)
        for row in export.answers {
            text += CSVWriter.line(
                [
                    row.theme ?? "contexte", row.question, row.questionText, row.option, row.optionLabel,
                    row.score.map(String.init) ?? "",
                ], separator: separator)
        }
        for theme in export.themes {
            text += CSVWriter.line(
                [theme.theme, "score_du_theme", theme.title, "", "", theme.score.map(String.init) ?? ""],
                separator: separator)
        }
        return Download.csv(text, name: "diagnostic-\(export.id).csv")
    }
}
