import Hummingbird

/// What the accompaniment page reads, in one transaction.
extension SupportPage {
    struct Query: Sendable {
        let grants: [GrantQueries.Grant]
        let closings: [ClosingQueries.Listed]
        let requests: [AccessRequestQueries.Listed]
        let vetted: [SupportBody]
        let places: [DirectoryQueries.BodyPlace]

        static func load(_ associationID: String, services: AppServices) async throws -> Query {
            try await services.database.read { sql in
                let vetted = try await SupportBodyQueries.vetted(in: sql)
                return Query(
                    grants: try await GrantQueries.of(association: associationID, in: sql),
                    closings: try await ClosingQueries.of(association: associationID, in: sql),
                    requests: try await AccessRequestQueries.of(association: associationID, in: sql),
                    vetted: vetted,
                    places: try await DirectoryQueries.placesOf(bodies: vetted.map(\.id), in: sql))
            }
        }
    }

    static func response(
        _ loaded: AuthorizedAssociation, form: FormState, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = try await Query.load(loaded.association.id, services: services)
        let model = Model.make(query, loaded: loaded, form: form, context: context, services: services)
        return services.views.render(
            "support", title: "support.title", titleValues: ["name": loaded.association.name], content: model,
            context: context, status: status)
    }
}
