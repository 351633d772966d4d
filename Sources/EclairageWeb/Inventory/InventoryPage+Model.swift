import EclairageDomain

/// The inventory page: alerts first, then the assets by kind (its reads: `InventoryPage+Query.swift`).
enum InventoryPage {}

extension InventoryPage {
    struct Model: Sendable {
        let associationName: String
        let associationLink: String
        let canEdit: Bool
        let isOwner: Bool
        let shared: Bool
        let alerts: [Alert]
        let hasAlerts: Bool
        /// Assets the diagnostic's answers point to and the inventory lacks, with a pre-filled form.
        let suggestions: [LinkView]
        let saveAction: String
        let groups: [Group]
        let isEmpty: Bool
        let newLink: String
        let handoverLink: String
        let registerLink: String
        let breachesLink: String
        let shareAction: String

        struct Alert: Sendable {
            let text: String
            let reference: String
            let saved: Bool
        }

        struct Group: Sendable {
            let title: String
            let assets: [Item]
        }

        struct Item: Sendable {
            let name: String
            let editLink: String
            let checkAction: String
            /// The asset's anchor, where "checked today" brings the person back.
            let anchor: String
            let facts: [String]
            let alerts: [String]
            let hasAlerts: Bool
        }
    }
}

extension InventoryPage.Model {
    static func make(
        _ access: InventoryAccess, query: InventoryPage.Query, today: Day, services: AppServices,
        context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        let assets = query.stored.map(\.asset)
        let alerts = InventoryAlerts.of(assets, today: today)
        let views = services.views
        let suggestions = InventorySuggestion.from(
            tags: query.answers?.tags(in: services.questionnaire) ?? [], assets: assets
        ).map { suggestion in
            LinkView(
                title: views.text("inventory.suggestion.\(suggestion.kind.rawValue)", context),
                link: SiteURL.newAsset(id).path
                    + "?type=\(suggestion.kind.rawValue)&titulaire=\(suggestion.owner.rawValue)")
        }
        return Self(
            associationName: access.loaded.association.name, associationLink: SiteURL.association(id).path,
            canEdit: access.canEdit, isOwner: access.loaded.access.isOwner, shared: access.shared,
            alerts: alerts.map {
                .init(
                    text: $0.text(views: views, context: context), reference: $0.reference,
                    saved: query.saved.contains($0.reference))
            },
            hasAlerts: !alerts.isEmpty, suggestions: suggestions, saveAction: SiteURL.associationSavedSteps(id).path,
            groups: Asset.Kind.allCases.compactMap { kind in
                let ofKind = assets.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { return nil }
                return .init(
                    title: views.text("asset.kinds.\(kind.rawValue)", context),
                    assets: ofKind.map { asset in
                        let own = alerts.filter { $0.assetID == asset.id }.map {
                            $0.text(views: views, context: context)
                        }
                        return .init(
                            name: asset.name, editLink: SiteURL.asset(id, asset: asset.id).path,
                            checkAction: SiteURL.assetCheck(id, asset: asset.id).path,
                            anchor: "element-\(asset.id)",
                            facts: facts(asset, all: assets, views: views, context: context), alerts: own,
                            hasAlerts: !own.isEmpty
                        )
                    })
            },
            isEmpty: assets.isEmpty, newLink: SiteURL.newAsset(id).path, handoverLink: SiteURL.handover(id).path,
            registerLink: SiteURL.register(id).path, breachesLink: SiteURL.breaches(id).path,
            shareAction: SiteURL.inventoryShare(id).path
        )
    }

    /// What the page says of one asset, in the form's order; empty facts left out.
    static func facts(_ asset: Asset, all: [Asset], views: Views, context: AppRequestContext) -> [String] {
        var facts: [String] = []
        func add(_ key: String, _ value: String) {
            if !value.isEmpty { facts.append(views.text(key, context, ["value": value])) }
        }
        add("asset.fact.provider", asset.provider)
        add(
            "asset.fact.owner",
            asset.owner == .person ? asset.ownerName : views.text("asset.owners.association", context))
        add("asset.fact.holders", asset.holders.joined(separator: ", "))
        add("asset.fact.credentials", asset.credentialsPlace)
        add("asset.fact.second_factor", asset.secondFactor)
        add("asset.fact.recovery_codes", asset.recoveryCodesPlace)
        add("asset.fact.recovery", asset.recoveryAssetID.flatMap { id in all.first { $0.id == id }?.name } ?? "")
        if asset.recoveryPersonal { facts.append(views.text("asset.fact.recovery_personal", context)) }
        add("asset.fact.expires", asset.expiresOn.map { DateFormatting.day(iso: $0, language: context.language) } ?? "")
        add("asset.fact.cost", asset.cost)
        add("asset.fact.location", asset.dataLocation.map { views.text("data.\($0)", context) } ?? "")
        add("asset.fact.year", asset.year.map(String.init) ?? "")
        if asset.refurbished { facts.append(views.text("asset.fact.refurbished", context)) }
        add(
            "asset.fact.checked",
            asset.checkedOn.map { DateFormatting.day(iso: $0, language: context.language) }
                ?? views.text("asset.never", context))
        return facts
    }
}
