import EclairageDomain
import Hummingbird
import SQLKit

/// The inventory, the GDPR register and the breach log belong to the association: its members read
/// and write them; an advisor reads them only while the association shares them, with their body
/// among those it shares them with (each read logged);
/// anyone else gets a 404, as for the association itself.
struct InventoryAccess: Sendable {
    let loaded: AuthorizedAssociation
    let shared: Bool

    var associationID: String { loaded.association.id }
    var canEdit: Bool { loaded.access.isMember }

    static func load(_ context: AppRequestContext, services: AppServices, what: String) async throws -> InventoryAccess
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services, logging: nil)
        if loaded.access == .advisor {
            // The association's switch, and the grant of one of the advisor's bodies.
            guard loaded.seesInventory else { throw PageError.notFound }
            try await loaded.logAdvisorRead(what, services: services)
        }
        return InventoryAccess(loaded: loaded, shared: loaded.sharesInventory)
    }

    func requireEditor() throws {
        guard canEdit else { throw PageError.forbidden }
    }
}

extension InventoryAccess {
    /// The asset the path names, when it is this association's; a 404 otherwise.
    func asset(_ context: AppRequestContext, services: AppServices) async throws -> InventoryQueries.Stored {
        try await find("asset", context, services) { try await InventoryQueries.find($0, association: $1, in: $2) }
    }

    /// The register activity the path names, when it is this association's; a 404 otherwise.
    func activity(_ context: AppRequestContext, services: AppServices) async throws -> RegisterQueries.ActivityRow {
        try await find("activity", context, services) { try await RegisterQueries.find($0, association: $1, in: $2) }
    }

    /// The breach the path names, when it is this association's; a 404 otherwise.
    func breach(_ context: AppRequestContext, services: AppServices) async throws -> BreachQueries.BreachRow {
        try await find("breach", context, services) { try await BreachQueries.find($0, association: $1, in: $2) }
    }

    /// The rights request the path names, when it is this association's; a 404 otherwise.
    func rightsRequest(_ context: AppRequestContext, services: AppServices) async throws -> RightsRequestQueries.Row {
        try await find("request", context, services) {
            try await RightsRequestQueries.find($0, association: $1, in: $2)
        }
    }

    private func find<Row: Sendable>(
        _ parameter: String, _ context: AppRequestContext, _ services: AppServices,
        _ lookup: @escaping @Sendable (String, String, any SQLDatabase) async throws -> Row?
    ) async throws -> Row {
        let id = try context.parameters.require(parameter)
        let association = associationID
        guard let row = try await services.database.read({ try await lookup(id, association, $0) }) else {
            throw PageError.notFound
        }
        return row
    }
}
