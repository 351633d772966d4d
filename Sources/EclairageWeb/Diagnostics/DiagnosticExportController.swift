import EclairageDomain
import Foundation
import Hummingbird

/// A diagnostic's answers and scores, as JSON or CSV, for whoever may read the report.
enum DiagnosticExportController {
    @Sendable static func json(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let export = try await load(request, context: context, services: services)
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
        let export = try await load(request, context: context, services: services)
        return Download.csv(
            export.csv(separator: Download.csvSeparator(request)), name: "diagnostic-\(export.id).csv")
    }

    private static func load(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> DiagnosticExport
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let answers = try await services.database.read {
            try await DiagnosticQueries.answers(of: access.diagnostic.id, in: $0)
        }
        return DiagnosticExport(
            access.diagnostic, answers: answers, questionnaire: services.questionnaire,
            departements: services.departements)
    }
}
