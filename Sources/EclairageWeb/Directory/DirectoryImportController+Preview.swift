import EclairageDomain
import Foundation
import Hummingbird

extension DirectoryImportController {
    struct PreviewContent: Sendable {
        let fileName: String
        let encoding: String
        let separator: String
        let total: Int
        let valid: Int
        let invalid: Int
        let corrected: Int?
        let applied: Int
        let isStaged: Bool
        let isApplied: Bool
        let isApplying: Bool
        let refreshLink: String
        let problems: [RowReport]
        let moreProblems: Bool
        let applyAction: String
        let discardAction: String
        let backLink = SiteURL.adminDirectory.path
    }

    struct RowReport: Sendable {
        let line: Int
        let column: String
        let message: String
        let refused: Bool
    }

    static let reportLimit = 500

    @Sendable static func preview(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let loaded = try await services.database.read { sql in
            (
                try await DirectoryImportQueries.find(id, in: sql),
                try await DirectoryImportQueries.reportedRows(id, limit: reportLimit + 1, in: sql)
            )
        }
        guard let found = loaded.0 else { throw PageError.notFound }
        let decoder = JSONDecoder()
        var reports: [RowReport] = []
        for row in loaded.1.prefix(reportLimit) {
            let problems =
                (try? decoder.decode([PlaceRowChecker.Finding].self, from: Data(row.problemsJson.utf8))) ?? []
            let notes = (try? decoder.decode([PlaceRowChecker.Finding].self, from: Data(row.notesJson.utf8))) ?? []
            reports += problems.map { RowReport(line: row.line, column: $0.column, message: $0.message, refused: true) }
            reports += notes.map { RowReport(line: row.line, column: $0.column, message: $0.message, refused: false) }
        }
        let content = PreviewContent(
            fileName: found.fileName, encoding: found.encoding,
            separator: found.separator == "\t" ? "tabulation" : found.separator,
            total: found.totalRows, valid: found.validRows, invalid: found.totalRows - found.validRows,
            corrected: found.correctedRows > 0 ? found.correctedRows : nil,
            applied: found.appliedRows, isStaged: found.status == DirectoryImportQueries.staged,
            isApplied: found.status == DirectoryImportQueries.applied,
            isApplying: found.status == DirectoryImportQueries.applying, refreshLink: SiteURL.adminImport(id).path,
            problems: reports, moreProblems: loaded.1.count > reportLimit,
            applyAction: SiteURL.adminImportApply(id).path, discardAction: SiteURL.adminImportDiscard(id).path
        )
        return services.views.render(
            "directory-import", title: "directory.import_title", titleValues: ["name": found.fileName],
            content: content, context: context)
    }

    @Sendable static func apply(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let requested = try await services.database.write { sql -> Bool? in
            guard try await DirectoryImportQueries.find(id, in: sql) != nil else { return nil }
            return try await DirectoryImportQueries.requestApply(id, by: user.id, in: sql)
        }
        guard let requested else { throw PageError.notFound }
        guard requested else { return redirect(to: .adminImport(id), flash: "directory.import_not_staged") }
        return redirect(to: .adminImport(id), flash: "directory.import_applying")
    }

    @Sendable static func discard(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireAdmin()
        let id = try context.parameters.require("id")
        try await services.database.write { sql in
            guard let found = try await DirectoryImportQueries.find(id, in: sql),
                found.status == DirectoryImportQueries.staged
            else { return }
            try await DirectoryImportQueries.discard(id, in: sql)
        }
        return redirect(to: .adminDirectory, flash: "directory.import_discarded")
    }
}
