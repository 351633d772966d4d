import EclairageDomain

extension CatalogueListPage {
    /// The tools that match the words typed (the search index), best first; every tool by name when
    /// nothing is typed. The filters are applied by the model.
    struct Query: Sendable {
        let tokens: [String]
        let matched: [Tool]

        static func load(_ filters: CatalogueFilters, services: AppServices) async throws -> Query {
            let catalogue = services.catalogue
            let tokens = SearchText.tokens(filters.query)
            guard !tokens.isEmpty else { return Query(tokens: tokens, matched: catalogue.toolsByName) }
            let kind = services.database.kind
            let slugs = try await services.database.read {
                try await CatalogueSearchQueries.search(tokens, kind: kind, in: $0)
            }
            return Query(tokens: tokens, matched: slugs.compactMap(catalogue.tool))
        }
    }
}
