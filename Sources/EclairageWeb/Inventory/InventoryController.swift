import EclairageDomain
import Hummingbird

/// The association's digital inventory: who holds what, whose identity owns it, where the way in is
/// kept, what lapses, and where recovery leads. The asset form: `InventoryController+Form.swift`.
enum InventoryController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        let query = try await InventoryPage.Query.load(access, services: services)
        let model = InventoryPage.Model.make(
            access, query: query, today: DateFormatting.parisDay(services.time.now()), services: services,
            context: context)
        return services.views.render(
            "inventory", title: "inventory.title", titleValues: ["name": access.loaded.association.name],
            content: model, context: context)
    }

    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let stored = try await access.asset(context, services: services)
        try await services.database.transaction {
            try await InventoryQueries.delete(stored.row.id, association: access.associationID, in: $0)
        }
        return redirect(to: .inventory(access.associationID), flash: "asset.deleted")
    }

    /// "Checked today": someone verified that the holders still get in.
    @Sendable static func check(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let stored = try await access.asset(context, services: services)
        let now = services.time.now()
        try await services.database.write {
            try await InventoryQueries.markChecked(
                stored.row.id, association: access.associationID, on: DateFormatting.parisDay(now).iso, now: now, in: $0
            )
        }
        // Back at the asset just checked, not the top of a long inventory.
        return redirect(
            toPath: SiteURL.inventory(access.associationID).path + "#element-\(stored.row.id)", flash: "asset.checked")
    }

    /// The owner lets the association's advisors read the inventory, the register and the breach log, or stops.
    @Sendable static func share(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.loaded.requireOwner()
        let shares = try context.decodeForm(ShareForm.self).share == "1"
        try await services.database.write {
            try await InventoryQueries.setSharing(access.associationID, shares: shares, in: $0)
        }
        return redirect(to: .inventory(access.associationID), flash: shares ? "inventory.shared" : "inventory.unshared")
    }
}
