import EclairageDomain
import Hummingbird

/// The inventory, the GDPR register and the breach log belong to the association: its members read
/// and write them; an advisor reads them only while the association shares them (each read logged);
/// anyone else gets a 404, as for the association itself.
struct InventoryAccess: Sendable {
    let loaded: AuthorizedAssociation
    let shared: Bool

    var associationID: String { loaded.association.id }
    var canEdit: Bool { loaded.access.isMember }

    static func load(_ context: AppRequestContext, services: AppServices, what: String) async throws -> InventoryAccess
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services, logging: nil)
        let shared = try await services.database.read {
            try await InventoryQueries.isShared(loaded.association.id, in: $0)
        }
        if loaded.access == .advisor {
            guard shared else { throw PageError.notFound }
            try await AuthorizedAssociation.logAdvisorRead(
                association: loaded.association.id, user: loaded.user, what: what, services: services)
        }
        return InventoryAccess(loaded: loaded, shared: shared)
    }

    func requireEditor() throws {
        guard canEdit else { throw PageError.forbidden }
    }
}
