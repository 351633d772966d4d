import EclairageDomain
import Hummingbird

/// The checklist's actions: start a handover, tick an item, complete it.
extension HandoverController {
    /// Starts a handover from the inventory as it stands (one open at a time).
    @Sendable static func start(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let id = access.associationID
        let form = try context.decodeForm(HandoverStartForm.self)
        let people: HandoverPeople
        switch HandoverPeople.validate(leaving: form.leaving, incoming: form.incoming) {
        case .success(let valid): people = valid
        case .failure(let errors):
            let state = FormState(
                values: ["leaving": form.leaving, "incoming": form.incoming], errors: errors,
                order: ["leaving", "incoming"], views: services.views, context: context)
            return try await show(
                access, form: state, context: context, services: services, status: .unprocessableContent)
        }
        let now = services.time.now()
        let handoverID = services.tokens.identifier()
        let started = try await services.database.transaction { sql -> Bool in
            guard try await HandoverQueries.all(of: id, in: sql).allSatisfy({ $0.completedAt != nil }) else {
                return false
            }
            let assets = try await InventoryQueries.all(of: id, in: sql).map(\.asset)
            let items = HandoverChecklist.items(for: assets).enumerated().map { index, item in
                HandoverQueries.ItemRow(
                    handoverId: handoverID, position: index, assetName: item.assetName, action: item.action.rawValue)
            }
            try await HandoverQueries.create(
                .init(
                    id: handoverID, associationId: id, startedBy: access.loaded.user.displayName, startedAt: now,
                    leaving: people.leaving, incoming: people.incoming),
                items: items, in: sql)
            return true
        }
        return redirect(to: .handover(id), flash: started ? "handover.started_flash" : "handover.already_open")
    }

    /// Ticks (or unticks) one item, in the name of the member who does it.
    @Sendable static func tick(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let id = access.associationID
        let handoverID = try context.parameters.require("handover")
        guard let position = Int(try context.parameters.require("item")) else { throw PageError.notFound }
        let done = try context.decodeForm(TickForm.self).done == "1"
        let now = services.time.now()
        try await services.database.transaction { sql in
            guard let handover = try await HandoverQueries.find(handoverID, association: id, in: sql),
                handover.completedAt == nil
            else { throw PageError.notFound }
            guard try await HandoverQueries.items(of: handoverID, in: sql).contains(where: { $0.position == position })
            else { throw PageError.notFound }
            try await HandoverQueries.setTick(
                handoverID, position: position, by: done ? access.loaded.user.displayName : nil, at: done ? now : nil,
                in: sql)
        }
        // Back where the person was: the item just ticked, not the top of a long list.
        return redirect(toPath: SiteURL.handover(id).path + "#item-\(position)")
    }

    /// Completes the handover once every item is ticked: it becomes a dated record.
    @Sendable static func complete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let id = access.associationID
        let handoverID = try context.parameters.require("handover")
        let now = services.time.now()
        let completed = try await services.database.transaction { sql -> Bool in
            guard let handover = try await HandoverQueries.find(handoverID, association: id, in: sql),
                handover.completedAt == nil
            else { throw PageError.notFound }
            guard try await HandoverQueries.items(of: handoverID, in: sql).allSatisfy({ $0.tickedBy != nil }) else {
                return false
            }
            try await HandoverQueries.complete(handoverID, by: access.loaded.user.displayName, at: now, in: sql)
            return true
        }
        return redirect(to: .handover(id), flash: completed ? "handover.completed_flash" : "handover.incomplete")
    }
}
