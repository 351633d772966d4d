import EclairageDomain
import Foundation

/// An import's page: while the import job checks the file, how far it has got; then what applying it
/// would change and every refused row, to apply or abandon; while the job applies it, how far it has got.
enum DirectoryImportPage {
    static let reportLimit = 500

    struct Model: Sendable {
        let fileName: String
        let encoding: String
        let separator: String
        let total: Int
        let valid: Int
        let invalid: Int
        let corrected: Int?
        let applied: Int
        /// The scheduler's job is still reading the file: the counts so far, the report once it is done.
        let isChecking: Bool
        let isStaged: Bool
        let isApplied: Bool
        let isApplying: Bool
        let refreshLink: String
        let problems: [RowReport]
        let moreProblems: Bool
        let applyAction: String
        let discardAction: String
        let backLink = SiteURL.adminDirectory.path
        let comparison: Comparison?
        /// More updates than shown field by field.
        let moreChanges: Bool
        let moreOtherSources: Bool
        /// Each refused line with the place it names (the file's `nom`), and the file of those rows.
        let refusedLines: [RefusedLine]
        let refusedFile: String?

        struct RefusedLine: Sendable {
            let line: Int
            let place: String?
            let reasons: String
        }

        struct RowReport: Sendable {
            let line: Int
            let column: String
            let message: String
            let refused: Bool
        }

        init(_ query: Query) {
            let found = query.found
            let decoder = JSONDecoder()
            var reports: [RowReport] = []
            for row in query.reported.prefix(reportLimit) {
                let problems =
                    (try? decoder.decode([PlaceRowChecker.Finding].self, from: Data(row.problemsJson.utf8))) ?? []
                let notes = (try? decoder.decode([PlaceRowChecker.Finding].self, from: Data(row.notesJson.utf8))) ?? []
                reports += problems.map {
                    RowReport(line: row.line, column: $0.column, message: $0.message, refused: true)
                }
                reports += notes.map {
                    RowReport(line: row.line, column: $0.column, message: $0.message, refused: false)
                }
            }
            fileName = found.fileName
            encoding = found.encoding
            separator = found.separator == "\t" ? "tabulation" : found.separator
            total = found.totalRows
            valid = found.validRows
            invalid = found.totalRows - found.validRows
            corrected = found.correctedRows > 0 ? found.correctedRows : nil
            applied = found.appliedRows
            isChecking = found.status == DirectoryImportQueries.checking
            isStaged = found.status == DirectoryImportQueries.staged
            isApplied = found.status == DirectoryImportQueries.applied
            isApplying = found.status == DirectoryImportQueries.applying
            refreshLink = SiteURL.adminImport(found.id).path
            problems = reports
            moreProblems = query.reported.count > reportLimit
            applyAction = SiteURL.adminImportApply(found.id).path
            discardAction = SiteURL.adminImportDiscard(found.id).path
            comparison = query.comparison
            let header = found.headerJson.flatMap { try? decoder.decode([String].self, from: Data($0.utf8)) } ?? []
            let nameAt = header.firstIndex { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "nom" }
            refusedLines = query.reported.prefix(reportLimit).filter { $0.recordJson == nil }.map { row in
                let fields = row.fieldsJson.flatMap { try? decoder.decode([String].self, from: Data($0.utf8)) } ?? []
                let name = nameAt.flatMap { $0 < fields.count ? fields[$0] : nil }?.trimmingCharacters(
                    in: .whitespacesAndNewlines)
                let problems =
                    (try? decoder.decode([PlaceRowChecker.Finding].self, from: Data(row.problemsJson.utf8))) ?? []
                return RefusedLine(
                    line: row.line, place: name?.isEmpty == false ? name : nil,
                    reasons: problems.map(\.message).joined(separator: " ; "))
            }
            refusedFile = invalid > 0 && found.headerJson != nil ? SiteURL.adminImportRefused(found.id).path : nil
            moreChanges = (query.comparison?.updated ?? 0) > (query.comparison?.changes.count ?? 0)
            moreOtherSources =
                (query.comparison?.otherSourceCount ?? 0) > (query.comparison?.otherSources.count ?? 0)
        }
    }
}
