extension AdminPage {
    /// What the administrator's page reads, in one read.
    struct Query: Sendable {
        let accounts: [AdminQueries.AccountRow]
        /// Rows in each of `AdminQueries.countedTables`, in that order.
        let counts: [Int]
        let mail: OutboxQueries.Counts
        let unsent: [OutboxQueries.Row]
        let jobs: [JobQueries.Row]

        static func load(services: AppServices) async throws -> Query {
            try await services.database.read { sql in
                Query(
                    accounts: try await AdminQueries.accounts(limit: 500, in: sql),
                    counts: try await AdminQueries.counts(in: sql), mail: try await OutboxQueries.counts(in: sql),
                    unsent: try await OutboxQueries.unsent(limit: 50, in: sql), jobs: try await JobQueries.all(in: sql))
            }
        }
    }
}
