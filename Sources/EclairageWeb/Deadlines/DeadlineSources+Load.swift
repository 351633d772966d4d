import EclairageDomain
import SQLKit

extension DeadlineSources {
    /// The sources of these associations' deadlines (all associations when nil), by association: one
    /// query per table, whatever their number.
    static func load(_ associationIDs: [String]?, in sql: any SQLDatabase) async throws -> [String: DeadlineSources] {
        let assets = Dictionary(
            grouping: try await DeadlineQueries.renewals(of: associationIDs, in: sql), by: \.associationId)
        let handovers = Dictionary(
            grouping: try await DeadlineQueries.handovers(of: associationIDs, in: sql), by: \.associationId)
        let activities = Dictionary(
            grouping: try await DeadlineQueries.activities(of: associationIDs, in: sql), by: \.associationId)
        let ids = associationIDs ?? Array(Set(assets.keys).union(handovers.keys).union(activities.keys))
        var sources: [String: DeadlineSources] = [:]
        for id in ids {
            let registered = activities[id] ?? []
            sources[id] = DeadlineSources(
                renewals: (assets[id] ?? []).compactMap { row in
                    Day(iso: row.expiresOn).map { .init(id: row.id, name: row.name, expiresOn: $0) }
                },
                handovers: (handovers[id] ?? []).map {
                    .init(id: $0.id, startedOn: DateFormatting.parisDay($0.startedAt), declared: $0.declared != 0)
                },
                issuesTaxReceipts: registered.contains {
                    ProcessingActivity.speaksOfTaxReceipts($0.name + " " + $0.purpose)
                },
                registerChangedOn: registered.map(\.updatedAt).max().map(DateFormatting.parisDay))
        }
        return sources
    }
}
