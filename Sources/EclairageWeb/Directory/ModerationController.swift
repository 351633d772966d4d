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
        /// The queue's form that refuses the ticked changes at once.
        var refuseAllAction: String? = nil
    }

    struct Item: Sendable {
        let id: String
        let name: String
        let link: String?
        let origin: String
        let when: String
        let status: String
        let differences: [Contributions.Difference]
        let action: String?
        let revertAction: String?
        /// Why accepting is refused: fields someone else changed since the edit was made.
        let conflict: String?
        /// Why a change was closed without a decision on it (an earlier state was restored).
        let reason: String?
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
            changes: items, heading: services.views.text("directory_moderation_heading", context), backLink: nil,
            refuseAllAction: items.isEmpty ? nil : SiteURL.moderationRefuseAll.path
        ), context: context)
    }

    static func item(_ change: DirectoryQueries.ChangeRow, place: PlaceRow?, pendingAction: String?, revert: Bool,
                     services: AppServices, context: AppRequestContext) -> Item {
        let after = Contributions.decode(change.afterJson)
        let pending = change.status == DirectoryQueries.ChangeRow.pending
        // A pending edit is shown as what accepting it would do to the listing as it is now.
        let schema = services.directory.schema
        let outcome = pending && change.beforeJson != nil ? Contributions.outcome(of: change, current: place?.place, schema: schema) : nil
        let differences = if let outcome, let current = place?.place {
            Contributions.differences(current, outcome.place ?? after, schema: schema)
        } else {
            Contributions.differences(Contributions.decode(change.beforeJson), after, schema: schema)
        }
        let conflict = outcome.flatMap { $0.conflicts.isEmpty ? nil : services.views.text("directory.change_conflict_fields", context, [
            "fields": $0.conflicts.joined(separator: ", "),
        ]) }
        return Item(
            id: change.id, name: after?.name ?? place?.name ?? "?", link: place?.status == PlaceRow.published ? SiteURL.place(change.placeId).path : nil,
            origin: services.views.text("directory.origin_\(change.origin.split(separator: ":").first ?? "")", context) + (change.contact.map { " (\($0))" } ?? ""),
            when: DateFormatting.dayAndTime(change.changedAt, language: context.language),
            status: services.views.text("directory.change_\(change.status)", context),
            differences: differences,
            action: pending ? pendingAction : nil,
            revertAction: revert && change.status == DirectoryQueries.ChangeRow.applied && change.beforeJson != nil ? SiteURL.placeRevert(change.id).path : nil,
            conflict: conflict, reason: change.reason.map { services.views.text("directory.reason_\($0)", context) }
        )
    }

    struct DecisionForm: Decodable { @FormText var decision: String }

    @Sendable static func decide(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let decision = try context.decodeForm(DecisionForm.self).decision
        guard ["accepter", "refuser"].contains(decision) else { throw PageError(status: .badRequest, messageKey: "error.400.text") }
        let now = services.time.now()
        let schema = services.directory.schema
        let flash: String = try await services.database.transaction { sql in
            guard let change = try await DirectoryQueries.change(id, in: sql), change.status == DirectoryQueries.ChangeRow.pending else { throw PageError.notFound }
            guard decision == "accepter" else {
                try await DirectoryQueries.review(id, status: DirectoryQueries.ChangeRow.refused, by: user.id, now: now, in: sql)
                return "directory.change_refused_flash"
            }
            // Checked against the listing as it is now, in the transaction that writes it.
            let current = try await DirectoryQueries.find(id: change.placeId, in: sql)
            let outcome = Contributions.outcome(of: change, current: current?.place, schema: schema)
            guard outcome.conflicts.isEmpty, let place = outcome.place else { return "directory.change_conflict" }
            try await Contributions.apply(place, to: change.placeId, now: now, in: sql)
            try await DirectoryQueries.review(id, status: DirectoryQueries.ChangeRow.applied, by: user.id, now: now, in: sql)
            return "directory.change_accepted"
        }
        return redirect(to: .moderation, flash: flash)
    }

    /// Refuses every ticked pending change at once (a burst of unwanted proposals, say).
    @Sendable static func refuseAll(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireEditor()
        let ids = Array(Set(context.form.all("changes"))).prefix(500)
        guard !ids.isEmpty else { return redirect(to: .moderation, flash: "directory.refuse_none") }
        let now = services.time.now()
        try await services.database.transaction { sql in
            for id in ids { try await DirectoryQueries.review(id, status: DirectoryQueries.ChangeRow.refused, by: user.id, now: now, in: sql) }
        }
        return redirect(to: .moderation, flash: "directory.refused_all")
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

    /// Puts back the listing as it was before this (applied) change; the restoration is itself a change,
    /// and what was pending for the listing is closed (refused, with the reason noted): it was made
    /// against a state that no longer holds.
    @Sendable static func revert(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let now = services.time.now()
        let placeID: String = try await services.database.transaction { sql in
            guard let change = try await DirectoryQueries.change(id, in: sql), change.status == DirectoryQueries.ChangeRow.applied,
                let before = Contributions.decode(change.beforeJson), let current = try await DirectoryQueries.find(id: change.placeId, in: sql)
            else { throw PageError.notFound }
            for pending in try await DirectoryQueries.pendingChanges(of: change.placeId, in: sql) {
                try await DirectoryQueries.review(pending.id, status: DirectoryQueries.ChangeRow.refused, by: user.id, now: now, reason: "restored", in: sql)
            }
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
