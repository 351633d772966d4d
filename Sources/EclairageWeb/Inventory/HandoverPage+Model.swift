import EclairageDomain

/// A change of board: the open handover's checklist, and the past ones as dated records (its reads:
/// `HandoverPage+Query.swift`). One handover as shown here is also the printable record's.
enum HandoverPage {}

extension HandoverPage {
    struct Model: Sendable {
        let associationName: String
        let inventoryLink: String
        let canEdit: Bool
        let open: Handover?
        let past: [Past]
        let startAction: String
        let hasAssets: Bool
        let form: FormState

        struct Handover: Sendable {
            let started: String
            /// "Départ : … · Relais : …", when the handover names them.
            let people: String?
            let items: [Item]
            let done: Int
            let total: Int
            let completeAction: String
            let printLink: String
            let completed: String?
        }

        struct Item: Sendable {
            /// nil for what concerns the association as a whole (the minutes, the declaration).
            let asset: String?
            let action: String
            let ticked: String?
            let tickAction: String
            let inputID: String
        }

        struct Past: Sendable {
            let text: String
            let printLink: String
        }
    }
}

extension HandoverPage.Model {
    static func make(
        _ access: InventoryAccess, query: HandoverPage.Query, form: FormState, views: Views,
        context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        return Self(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.inventory(id).path,
            canEdit: access.canEdit,
            open: query.open.map {
                .make($0, items: query.openItems, association: id, views: views, context: context)
            },
            past: query.handovers.filter { $0.completedAt != nil }.map { handover in
                Past(
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
            startAction: SiteURL.handover(id).path, hasAssets: query.hasAssets, form: form
        )
    }
}

extension HandoverPage.Model.Handover {
    /// One handover: who started it, each item and who ticked it, and its completion.
    static func make(
        _ handover: HandoverQueries.HandoverRow, items: [HandoverQueries.ItemRow], association: String, views: Views,
        context: AppRequestContext
    ) -> Self {
        Self(
            started: views.text(
                "handover.started", context,
                ["date": DateFormatting.day(handover.startedAt, language: context.language), "by": handover.startedBy]),
            people: handover.leaving.isEmpty
                ? nil
                : views.text(
                    "handover.people", context, ["leaving": handover.leaving, "incoming": handover.incoming]),
            items: items.map { item in
                .init(
                    asset: item.assetName.isEmpty ? nil : item.assetName,
                    action: action(item.action, of: handover, views: views, context: context),
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
}

extension HandoverPage.Model.Handover {
    /// What to do, naming who leaves and who takes over when the handover says so.
    static func action(
        _ action: String, of handover: HandoverQueries.HandoverRow, views: Views, context: AppRequestContext
    ) -> String {
        let leaving = handover.leaving.isEmpty ? views.text("handover.leaving_unnamed", context) : handover.leaving
        let incoming = handover.incoming.isEmpty ? views.text("handover.incoming_unnamed", context) : handover.incoming
        return views.text("handover.action.\(action)", context, ["leaving": leaving, "incoming": incoming])
    }
}
