import EclairageDomain
import Foundation
import Hummingbird

extension DirectoryImportController {
    /// The refused rows of an import as a file to correct and import again: the file's own header and
    /// each refused row as it was read, with one more column saying why it was refused (an import
    /// leaves that column aside and says so).
    @Sendable static func refusedRows(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        let separator = Download.csvSeparator(request)
        let decoder = JSONDecoder()
        let text = try await services.database.read { sql -> String? in
            guard let found = try await DirectoryImportQueries.find(id, in: sql),
                let header = found.headerJson.flatMap({ try? decoder.decode([String].self, from: Data($0.utf8)) })
            else { return nil }
            var text = CSVWriter.line(header + [refusalColumn], separator: separator)
            var after = 0
            while true {
                let rows = try await DirectoryImportQueries.refusedRows(
                    id, after: after, limit: DirectoryImport.batchSize, in: sql)
                guard let last = rows.last else { break }
                after = last.line
                for row in rows {
                    let fields = row.fieldsJson.flatMap { try? decoder.decode([String].self, from: Data($0.utf8)) }
                    let problems =
                        (try? decoder.decode([PlaceRowChecker.Finding].self, from: Data(row.problemsJson.utf8))) ?? []
                    let reason = problems.map { "\($0.column) : \($0.message)" }.joined(separator: " ; ")
                    text += CSVWriter.line((fields ?? []) + [reason], separator: separator)
                }
            }
            return text
        }
        guard let text else { throw PageError.notFound }
        return Download.csv(text, name: "lignes-refusees-\(id).csv")
    }

    /// The column added to the refused rows' file (outside the schema).
    static let refusalColumn = "motif_du_refus"
}
