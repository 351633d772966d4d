import EclairageDomain
import Hummingbird

/// A change of board: a checklist made from the inventory, ticked by several members, completed and
/// kept as a dated record, printable.
enum HandoverController {
    struct Content: Sendable {
        let associationName: String
        let inventoryLink: String
        let canEdit: Bool
        let open: HandoverView?
        let past: [PastView]
        let startAction: String
        let hasAssets: Bool
    }

    struct HandoverView: Sendable {
        let started: String
        let items: [ItemView]
        let done: Int
        let total: Int
        let completeAction: String
        let printLink: String
        let completed: String?
    }

    struct ItemView: Sendable {
        let asset: String
        let action: String
        let ticked: String?
        let tickAction: String
        let inputID: String
    }

    struct PastView: Sendable {
        let text: String
        let printLink: String
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        let id = access.associationID
        let (handovers, openItems, assets) = try await services.database.read { sql in
            let handovers = try await HandoverQueries.all(of: id, in: sql)
            let open = handovers.first { $0.completedAt == nil }
            return (
                handovers, open == nil ? [] : try await HandoverQueries.items(of: open!.id, in: sql),
                try await InventoryQueries.all(of: id, in: sql)
            )
        }
        let views = services.views
        let open = handovers.first { $0.completedAt == nil }
        let content = Content(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.inventory(id).path,
            canEdit: access.canEdit,
            open: open.map { view($0, items: openItems, association: id, views: views, context: context) },
            past: handovers.filter { $0.completedAt != nil }.map { handover in
                PastView(
                    text: views.text(
                        "handover.past", context,
                        [
                            "started": DateFormatting.day(handover.startedAt, language: context.language),
                            "completed": DateFormatting.day(handover.completedAt ?? 0, language: context.language),
                            "by": handover.completedBy ?? "",
                        ]),
                    printLink: SiteURL.handoverPrint(id, handover: handover.id).path
                )
            },
            startAction: SiteURL.handover(id).path, hasAssets: !assets.isEmpty
        )
        return views.render("handover", title: "handover.title", content: content, context: context)
    }

    static func view(
        _ handover: HandoverQueries.HandoverRow, items: [HandoverQueries.ItemRow], association: String, views: Views,
        context: AppRequestContext
    ) -> HandoverView {
        HandoverView(
            started: views.text(
                "handover.started", context,
                ["date": DateFormatting.day(handover.startedAt, language: context.language), "by": handover.startedBy]),
            items: items.map { item in
                ItemView(
                    asset: item.assetName, action: views.text("handover.action.\(item.action)", context),
                    ticked: item.tickedBy.map {
                        views.text(
                            "handover.ticked", context,
                            [
                                "by": $0,
                                "date": DateFormatting.dayAndTime(item.tickedAt ?? 0, language: context.language),
                            ])
                    },
                    tickAction: SiteURL.handoverItem(association, handover: handover.id, item: String(item.position))
                        .path, inputID: "item-\(item.position)"
                )
            },
            done: items.filter { $0.tickedBy != nil }.count, total: items.count,
            completeAction: SiteURL.handoverComplete(association, handover: handover.id).path,
            printLink: SiteURL.handoverPrint(association, handover: handover.id).path,
            completed: handover.completedAt.map {
                views.text(
                    "handover.completed", context,
                    ["date": DateFormatting.day($0, language: context.language), "by": handover.completedBy ?? ""])
            }
        )
    }

    /// Starts a handover from the inventory as it stands (one open at a time).
    @Sendable static func start(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let id = access.associationID
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
                .init(id: handoverID, associationId: id, startedBy: access.loaded.user.displayName, startedAt: now),
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
        return redirect(to: .handover(id))
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

    /// The record, for printing or a PDF: every item, who ticked it and when.
    @Sendable static func print(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        let id = access.associationID
        let handoverID = try context.parameters.require("handover")
        let (handover, items) = try await services.database.read {
            sql -> (HandoverQueries.HandoverRow?, [HandoverQueries.ItemRow]) in
            (
                try await HandoverQueries.find(handoverID, association: id, in: sql),
                try await HandoverQueries.items(of: handoverID, in: sql)
            )
        }
        guard let handover else { throw PageError.notFound }
        let content = PrintContent(
            associationName: access.loaded.association.name,
            handover: view(handover, items: items, association: id, views: services.views, context: context),
            backLink: SiteURL.handover(id).path)
        return services.views.render(
            "handover-print", title: "handover.print_title", content: content, context: context)
    }

    struct PrintContent: Sendable {
        let associationName: String
        let handover: HandoverView
        let backLink: String
    }
}

struct TickForm: Decodable {
    @FormText var done: String
}
