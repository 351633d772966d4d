import EclairageDomain
import Hummingbird

/// The editors' queue: each proposal or edit with what it changes, to accept or refuse; and a
/// place's history, where any earlier state can be restored (itself kept as a change).
enum ModerationController {
    struct Content: Sendable {
        let changes: [Item]
        let heading: String
        let backLink: String?
        var mergeAction: String? = nil
        var mergeError: String? = nil
    }

    struct Item: Sendable {
        let name: String
        let link: String?
        let origin: String
        let when: String
        let status: String
        let differences: [Contributions.Difference]
        let action: String?
        let revertAction: String?
    }

    @Sendable static func queue(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        _ = try context.requireEditor()
        let (changes, places) = try await services.database.read { sql in
            let changes = try await DirectoryQueries.pendingChanges(in: sql)
            return (changes, try await DirectoryQueries.places(ids: changes.map(\.placeId), in: sql))
        }
        let byID = Dictionary(places.map { ($0.id, $0) }) { a, _ in a }
        let items = changes.map { change in
            item(change, place: byID[change.placeId], pendingAction: SiteURL.moderationChange(change.id).path, revert: false, services: services, context: context)
        }
        return services.views.render("moderation", title: "directory.moderation_title", content: Content(
            changes: items, heading: services.views.text("directory_moderation_heading", context), backLink: nil
        ), context: context)
    }

    static func item(_ change: DirectoryQueries.ChangeRow, place: PlaceRow?, pendingAction: String?, revert: Bool,
                     services: AppServices, context: AppRequestContext) -> Item {
        let after = Contributions.decode(change.afterJson)
        return Item(
            name: after?.name ?? place?.name ?? "?", link: place?.status == PlaceRow.published ? SiteURL.place(change.placeId).path : nil,
            origin: services.views.text("directory.origin_\(change.origin.split(separator: ":").first ?? "")", context) + (change.contact.map { " (\($0))" } ?? ""),
            when: DateFormatting.dayAndTime(change.changedAt, language: context.language),
            status: services.views.text("directory.change_\(change.status)", context),
            differences: Contributions.differences(Contributions.decode(change.beforeJson), after, schema: services.directory.schema),
            action: change.status == DirectoryQueries.ChangeRow.pending ? pendingAction : nil,
            revertAction: revert && change.status == DirectoryQueries.ChangeRow.applied && change.beforeJson != nil ? SiteURL.placeRevert(change.id).path : nil
        )
    }

    struct DecisionForm: Decodable { @FormText var decision: String }

    @Sendable static func decide(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let decision = try context.decodeForm(DecisionForm.self).decision
        guard ["accepter", "refuser"].contains(decision) else { throw PageError(status: .badRequest, messageKey: "error.400.text") }
        let now = services.time.now()
        try await services.database.transaction { sql in
            guard let change = try await DirectoryQueries.change(id, in: sql), change.status == DirectoryQueries.ChangeRow.pending else { throw PageError.notFound }
            if decision == "accepter", let after = Contributions.decode(change.afterJson) {
                try await Contributions.apply(after, to: change.placeId, now: now, in: sql)
                try await DirectoryQueries.review(id, status: DirectoryQueries.ChangeRow.applied, by: user.id, now: now, in: sql)
            } else {
                try await DirectoryQueries.review(id, status: DirectoryQueries.ChangeRow.refused, by: user.id, now: now, in: sql)
            }
        }
        return redirect(to: .moderation, flash: decision == "accepter" ? "directory.change_accepted" : "directory.change_refused_flash")
    }

    @Sendable static func history(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        guard let (place, changes) = try await services.database.read({ sql -> (PlaceRow, [DirectoryQueries.ChangeRow])? in
            guard let place = try await DirectoryQueries.find(id: id, in: sql) else { return nil }
            return (place, try await DirectoryQueries.changes(of: id, in: sql))
        }) else { throw PageError.notFound }
        return services.views.render("moderation", title: "directory.history_title", titleValues: ["name": place.name], content: Content(
            changes: changes.map { item($0, place: place, pendingAction: SiteURL.moderationChange($0.id).path, revert: true, services: services, context: context) },
            heading: services.views.text("directory_history_heading", context, ["name": place.name]), backLink: SiteURL.place(id).path,
            mergeAction: place.status == PlaceRow.published ? SiteURL.placeMerge(id).path : nil
        ), context: context)
    }

    struct MergeForm: Decodable { @FormText var into: String }

    /// A duplicate is merged into the place that stays: it is hidden (status `merged`), its trainings and
    /// support body move over, and both histories say so; restoring the merged place's earlier state
    /// from its history brings it back.
    @Sendable static func merge(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let target = String(try context.decodeForm(MergeForm.self).into.trimmingCharacters(in: .whitespaces).split(separator: "/").last ?? "")
        let now = services.time.now()
        let merged: Bool = try await services.database.transaction { sql in
            guard let source = try await DirectoryQueries.find(id: id, in: sql), source.status == PlaceRow.published else { throw PageError.notFound }
            guard target != id, let kept = try await DirectoryQueries.find(id: target, in: sql), kept.status == PlaceRow.published else { return false }
            try await DirectoryQueries.setStatus(id, PlaceRow.merged, now: now, in: sql)
            try await DirectoryQueries.moveBelongings(from: id, to: target, in: sql)
            let sourceJSON = try Contributions.encode(source.place), keptJSON = try Contributions.encode(kept.place)
            try await DirectoryQueries.recordChanges([
                .init(id: services.tokens.identifier(), placeId: id, changedAt: now, changedBy: user.id, origin: "fusion:\(target)",
                      beforeJson: sourceJSON, afterJson: sourceJSON, contact: kept.name, reviewedBy: user.id, reviewedAt: now),
                .init(id: services.tokens.identifier(), placeId: target, changedAt: now, changedBy: user.id, origin: "fusion:\(id)",
                      beforeJson: nil, afterJson: keptJSON, contact: source.name, reviewedBy: user.id, reviewedAt: now),
            ], in: sql)
            try await DirectoryQueries.bumpVersion(in: sql)
            return true
        }
        guard merged else { return redirect(to: .placeHistory(id), flash: "directory.merge_unknown") }
        return redirect(to: .placeHistory(target), flash: "directory.merged")
    }

    /// Puts back the listing as it was before this change; the restoration is itself a change.
    @Sendable static func revert(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let now = services.time.now()
        let placeID: String = try await services.database.transaction { sql in
            guard let change = try await DirectoryQueries.change(id, in: sql), let before = Contributions.decode(change.beforeJson),
                let current = try await DirectoryQueries.find(id: change.placeId, in: sql)
            else { throw PageError.notFound }
            try await Contributions.apply(before, to: change.placeId, now: now, in: sql)
            try await DirectoryQueries.recordChanges([.init(
                id: services.tokens.identifier(), placeId: change.placeId, changedAt: now, changedBy: user.id, origin: "retour:\(id)",
                beforeJson: try Contributions.encode(current.place), afterJson: try Contributions.encode(before), reviewedBy: user.id, reviewedAt: now
            )], in: sql)
            return change.placeId
        }
        return redirect(to: .placeHistory(placeID), flash: "directory.reverted")
    }
}
