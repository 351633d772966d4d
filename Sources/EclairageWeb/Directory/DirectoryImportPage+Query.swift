import EclairageDomain

extension DirectoryImportPage {
    /// An import, and its first reported rows (one more than shown, to know there are more).
    struct Query: Sendable {
        let found: DirectoryImportQueries.ImportRow
        let reported: [DirectoryImportQueries.StagedRow]
        /// While the import waits for a decision: what applying it would change.
        var comparison: Comparison? = nil

        static func load(_ id: String, services: AppServices) async throws -> Query {
            let loaded = try await services.database.read { sql in
                (
                    try await DirectoryImportQueries.find(id, in: sql),
                    try await DirectoryImportQueries.reportedRows(id, limit: reportLimit + 1, in: sql)
                )
            }
            guard let found = loaded.0 else { throw PageError.notFound }
            var query = Query(found: found, reported: loaded.1)
            if found.status == DirectoryImportQueries.staged {
                let schema = services.directory.schema
                query.comparison = try await services.database.read {
                    try await Comparison.load(id, schema: schema, in: $0)
                }
            }
            return query
        }
    }
}
