import EclairageDomain
import Hummingbird

/// The association's digital inventory: who holds what, whose identity owns it, where the way in is
/// kept, what lapses, and where recovery leads.
enum InventoryController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        let id = access.associationID
        let (stored, answers, saved) = try await services.database.read {
            sql -> ([InventoryQueries.Stored], Answers?, Set<String>) in
            (
                try await InventoryQueries.all(of: id, in: sql),
                try await DiagnosticQueries.latestAnswers(of: id, in: sql),
                Set(try await SavedStepQueries.all(of: id, in: sql).filter { $0.kind == "inventory" }.map(\.reference))
            )
        }
        let assets = stored.map(\.asset)
        let today = DateFormatting.parisDay(services.time.now())
        let alerts = InventoryAlerts.of(assets, today: today)
        let views = services.views
        let suggestions = InventorySuggestion.from(
            tags: answers?.tags(in: services.questionnaire) ?? [], assets: assets
        ).map { suggestion in
            LinkView(
                title: views.text("inventory.suggestion.\(suggestion.kind.rawValue)", context),
                link: SiteURL.newAsset(id).path
                    + "?type=\(suggestion.kind.rawValue)&titulaire=\(suggestion.owner.rawValue)")
        }
        let content = InventoryContent(
            associationName: access.loaded.association.name, associationLink: SiteURL.association(id).path,
            canEdit: access.canEdit, isOwner: access.loaded.access.isOwner, shared: access.shared,
            alerts: alerts.map {
                .init(
                    text: text($0, views: views, context: context), reference: $0.reference,
                    saved: saved.contains($0.reference))
            },
            hasAlerts: !alerts.isEmpty, suggestions: suggestions, saveAction: SiteURL.associationSavedSteps(id).path,
            groups: Asset.Kind.allCases.compactMap { kind in
                let ofKind = assets.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { return nil }
                return .init(
                    title: views.text("asset.kinds.\(kind.rawValue)", context),
                    assets: ofKind.map { asset in
                        let own = alerts.filter { $0.assetID == asset.id }.map {
                            text($0, views: views, context: context)
                        }
                        return .init(
                            name: asset.name, editLink: SiteURL.asset(id, asset: asset.id).path,
                            checkAction: SiteURL.assetCheck(id, asset: asset.id).path,
                            facts: facts(asset, all: assets, views: views, context: context), alerts: own,
                            hasAlerts: !own.isEmpty
                        )
                    })
            },
            isEmpty: assets.isEmpty, newLink: SiteURL.newAsset(id).path, handoverLink: SiteURL.handover(id).path,
            registerLink: SiteURL.register(id).path, breachesLink: SiteURL.breaches(id).path,
            shareAction: SiteURL.inventoryShare(id).path
        )
        return views.render(
            "inventory", title: "inventory.title", titleValues: ["name": access.loaded.association.name],
            content: content, context: context)
    }

    static func text(_ alert: InventoryAlert, views: Views, context: AppRequestContext) -> String {
        let name = ["name": alert.assetName]
        switch alert.kind {
        case .noHolder: return views.text("inventory.alert.no_holder", context, name)
        case .singleHolder: return views.text("inventory.alert.single_holder", context, name)
        case .personalOwner: return views.text("inventory.alert.personal_owner", context, name)
        case .expiring(let days, _):
            return views.text("inventory.alert.expiring", context, name.merging(["days": "\(days)"]) { $1 })
        case .expired(let days):
            return views.text("inventory.alert.expired", context, name.merging(["days": "\(days)"]) { $1 })
        case .notChecked: return views.text("inventory.alert.not_checked", context, name)
        case .recoveryPersonal(let through):
            return views.text(
                "inventory.alert.recovery_personal", context, name.merging(["chain": chain(through)]) { $1 })
        case .recoveryExpiring(let through):
            return views.text(
                "inventory.alert.recovery_expiring", context, name.merging(["chain": chain(through)]) { $1 })
        case .recoveryCycle(let through):
            return views.text("inventory.alert.recovery_cycle", context, name.merging(["chain": chain(through)]) { $1 })
        }
    }

    static func chain(_ names: [String]) -> String { names.isEmpty ? "—" : names.joined(separator: " → ") }

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
        add("asset.fact.expires", asset.expiresOn ?? "")
        add("asset.fact.cost", asset.cost)
        add("asset.fact.location", asset.dataLocation.map { views.text("data.\($0)", context) } ?? "")
        add("asset.fact.year", asset.year.map(String.init) ?? "")
        if asset.refurbished { facts.append(views.text("asset.fact.refurbished", context)) }
        add("asset.fact.checked", asset.checkedOn ?? views.text("asset.never", context))
        return facts
    }

    // MARK: Form

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        // Pre-filled from a suggestion ("?type=domain&titulaire=person"): only known values are taken.
        var values: [String: String] = [:]
        if let kind = request.uri.queryParameters["type"].flatMap({ Asset.Kind(rawValue: String($0)) }) {
            values["kind"] = kind.rawValue
        }
        if let owner = request.uri.queryParameters["titulaire"].flatMap({ Asset.Owner(rawValue: String($0)) }) {
            values["owner"] = owner.rawValue
        }
        return try await renderForm(
            access, asset: nil, values: values, holders: [], errors: FieldErrors(), context: context, services: services
        )
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let stored = try await load(access, context: context, services: services)
        return try await renderForm(
            access, asset: stored.asset, values: AssetFormValues.values(of: stored.asset),
            holders: stored.asset.holders,
            errors: FieldErrors(), context: context, services: services)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        return try await save(access, context: context, services: services, existing: nil)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        let stored = try await load(access, context: context, services: services)
        return try await save(access, context: context, services: services, existing: stored)
    }

    static func load(_ access: InventoryAccess, context: AppRequestContext, services: AppServices) async throws
        -> InventoryQueries.Stored
    {
        let assetID = try context.parameters.require("asset")
        guard
            let stored = try await services.database.read({
                try await InventoryQueries.find(assetID, association: access.associationID, in: $0)
            })
        else { throw PageError.notFound }
        return stored
    }

    static func save(
        _ access: InventoryAccess, context: AppRequestContext, services: AppServices, existing: InventoryQueries.Stored?
    ) async throws -> Response {
        try access.requireEditor()
        let id = access.associationID
        let (body, ticked) = try context.decodeForm(AssetFormBody.self, settingApart: "holders")
        let values = body.values
        let (members, others) = try await services.database.read { sql in
            (try await AssociationQueries.members(of: id, in: sql), try await InventoryQueries.all(of: id, in: sql))
        }
        let memberNames = members.filter { ticked.contains($0.userId) }.map(\.displayName)
        let assetID = existing?.row.id ?? services.tokens.identifier()
        var form = body.form
        form.memberHolders = memberNames
        form.unknownHolders = ticked.filter { id in !members.contains { $0.userId == id } }
        switch form.validate(id: assetID, assetIDs: Set(others.map(\.row.id))) {
        case .failure(let errors):
            return try await renderForm(
                access, asset: existing?.asset, values: values.withoutSecrets(errors), holders: memberNames,
                errors: errors, context: context, services: services,
                status: .unprocessableContent)
        case .success(let asset):
            let now = services.time.now()
            let row = InventoryQueries.AssetRow(
                asset, association: id, createdAt: existing?.row.createdAt ?? now, now: now)
            let holders = asset.holders.map { name in
                (name: name, userID: members.first { $0.displayName == name && ticked.contains($0.userId) }?.userId)
            }
            try await services.database.transaction { sql in
                try await InventoryQueries.save(row, holders: holders, isNew: existing == nil, in: sql)
            }
            let past = AssetForm.pastExpiry(asset, today: DateFormatting.parisDay(now))
            return redirect(to: .inventory(id), flash: past ? "asset.saved_past_expiry" : "asset.saved")
        }
    }

    static func renderForm(
        _ access: InventoryAccess, asset: Asset?, values: [String: String], holders: [String], errors: FieldErrors,
        context: AppRequestContext, services: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let id = access.associationID
        let (members, all) = try await services.database.read { sql in
            (try await AssociationQueries.members(of: id, in: sql), try await InventoryQueries.all(of: id, in: sql))
        }
        let content = AssetFormValues.content(
            values: values, errors: errors, action: asset.map { SiteURL.asset(id, asset: $0.id) } ?? .newAsset(id),
            cancel: .inventory(id),
            delete: asset.map { SiteURL.assetDelete(id, asset: $0.id) }, members: members, holders: holders,
            recoveries: all.map(\.asset).filter { $0.id != asset?.id }, services: services, context: context
        )
        return services.views.render(
            "asset-form", title: asset == nil ? "asset.new_title" : "asset.edit_title", content: content,
            context: context, status: status)
    }

    // MARK: Actions

    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "inventory")
        try access.requireEditor()
        let stored = try await load(access, context: context, services: services)
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
        let stored = try await load(access, context: context, services: services)
        let now = services.time.now()
        try await services.database.write {
            try await InventoryQueries.markChecked(
                stored.row.id, association: access.associationID, on: DateFormatting.parisDay(now).iso, now: now, in: $0
            )
        }
        return redirect(to: .inventory(access.associationID), flash: "asset.checked")
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
