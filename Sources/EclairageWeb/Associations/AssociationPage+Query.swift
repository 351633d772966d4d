import EclairageDomain

/// What an association's page reads, in one transaction: what a reader may not see is not read.
extension AssociationPage {
    struct Query: Sendable {
        let members: [AssociationQueries.MemberRow]
        let grants: [GrantQueries.Grant]
        let readers: [AdvisorQueries.Reader]
        let requests: Int
        let diagnostics: [DiagnosticQueries.Summary]
        let steps: [PlanQueries.Step]
        let reads: [AccessLogQueries.Entry]
        let onDevice: [Diagnostic]
        let assets: [Asset]

        static func load(_ loaded: AuthorizedAssociation, device: [DeviceDiagnostics.Entry], services: AppServices)
            async throws -> Query
        {
            let id = loaded.association.id
            let member = loaded.access.isMember
            return try await services.database.read { sql in
                Query(
                    members: try await AssociationQueries.members(of: id, in: sql),
                    grants: try await GrantQueries.of(association: id, in: sql),
                    readers: try await AdvisorQueries.readers(of: id, in: sql),
                    requests: member ? try await AccessRequestQueries.of(association: id, in: sql).count : 0,
                    diagnostics: try await DiagnosticQueries.summaries(of: id, in: sql),
                    steps: loaded.seesPlan ? try await PlanQueries.all(of: id, in: sql) : [],
                    reads: member ? try await AccessLogQueries.recent(of: id, limit: 200, in: sql) : [],
                    onDevice: member ? try await DiagnosticQueries.unattached(ids: device.map(\.id), in: sql) : [],
                    assets: member ? try await InventoryQueries.all(of: id, in: sql).map(\.asset) : [])
            }
        }
    }
}
