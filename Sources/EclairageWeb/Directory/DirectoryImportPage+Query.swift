import EclairageDomain

extension DirectoryImportPage {
    /// An import, and its first reported rows (one more than shown, to know there are more).
    struct Query: Sendable {
        let found: DirectoryImportQueries.ImportRow
        let reported: [DirectoryImportQueries.StagedRow]

        static func load(_ id: String, services: AppServices) async throws -> Query {
            let loaded = try await services.database.read { sql in
                (
                    try await DirectoryImportQueries.find(id, in: sql),
                    try await DirectoryImportQueries.reportedRows(id, limit: reportLimit + 1, in: sql)
                )
            }
            guard let found = loaded.0 else { throw PageError.notFound }
            return Query(found: found, reported: loaded.1)
        }
    }
}
