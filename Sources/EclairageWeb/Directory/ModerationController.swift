import EclairageDomain
import Hummingbird

/// The editors' queue: each proposal or edit with what it changes, to accept or refuse; and a
/// place's history, where any earlier state can be restored (itself kept as a change).
enum ModerationController {
    @Sendable static func queue(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let (changes, places) = try await services.database.read { sql in
            let changes = try await DirectoryQueries.pendingChanges(in: sql)
            return (changes, try await DirectoryQueries.places(ids: changes.map(\.placeId), in: sql))
        }
        let byID = Dictionary(places.map { ($0.id, $0) }) { a, _ in a }
        let items = changes.map { change in
            ModerationPage.item(
                change, place: byID[change.placeId], pendingAction: SiteURL.moderationChange(change.id).path,
                revert: false, services: services, context: context)
        }
        return services.views.render(
            "moderation", title: "directory.moderation_title",
            content: ModerationPage(
                changes: items, heading: services.views.text("directory_moderation_heading", context), backLink: nil,
                refuseAllAction: items.isEmpty ? nil : SiteURL.moderationRefuseAll.path
            ), context: context)
    }

    struct DecisionForm: Decodable { @FormText var decision: String }

    @Sendable static func decide(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let decision = try context.decodeForm(DecisionForm.self).decision
        guard ["accepter", "refuser"].contains(decision) else {
            throw PageError(status: .badRequest, messageKey: "error.400.text")
        }
        let now = services.time.now()
        let schema = services.directory.schema
        let flash: String = try await services.database.transaction { sql in
            guard let change = try await DirectoryQueries.change(id, in: sql),
                change.status == DirectoryQueries.ChangeRow.pending
            else { throw PageError.notFound }
            guard decision == "accepter" else {
                try await DirectoryQueries.review(
                    id, status: DirectoryQueries.ChangeRow.refused, by: user.id, now: now, in: sql)
                return "directory.change_refused_flash"
            }
            // Checked against the listing as it is now, in the transaction that writes it.
            let current = try await DirectoryQueries.find(id: change.placeId, in: sql)
            let outcome = Contributions.outcome(of: change, current: current?.place, schema: schema)
            guard outcome.conflicts.isEmpty, let place = outcome.place else { return "directory.change_conflict" }
            try await Contributions.apply(place, to: change.placeId, now: now, in: sql)
            try await DirectoryQueries.review(
                id, status: DirectoryQueries.ChangeRow.applied, by: user.id, now: now, in: sql)
            return "directory.change_accepted"
        }
        return redirect(to: .moderation, flash: flash)
    }

    /// Refuses every ticked pending change at once (a burst of unwanted proposals, say).
    @Sendable static func refuseAll(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let ids = Array(Set(context.form.all("changes"))).prefix(500)
        guard !ids.isEmpty else { return redirect(to: .moderation, flash: "directory.refuse_none") }
        let now = services.time.now()
        try await services.database.transaction { sql in
            for id in ids {
                try await DirectoryQueries.review(
                    id, status: DirectoryQueries.ChangeRow.refused, by: user.id, now: now, in: sql)
            }
        }
        return redirect(to: .moderation, flash: "directory.refused_all")
    }

    @Sendable static func history(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        guard
            let (place, changes) = try await services.database.read({
                sql -> (PlaceRow, [DirectoryQueries.ChangeRow])? in
                guard let place = try await DirectoryQueries.find(id: id, in: sql) else { return nil }
                return (place, try await DirectoryQueries.changes(of: id, in: sql))
            })
        else { throw PageError.notFound }
        return services.views.render(
            "moderation", title: "directory.history_title", titleValues: ["name": place.name],
            content: ModerationPage(
                changes: changes.map {
                    ModerationPage.item(
                        $0, place: place, pendingAction: SiteURL.moderationChange($0.id).path, revert: true,
                        services: services, context: context)
                },
                heading: services.views.text("directory_history_heading", context, ["name": place.name]),
                backLink: SiteURL.place(id).path,
                mergeAction: place.status == PlaceRow.published ? SiteURL.placeMerge(id).path : nil
            ), context: context)
    }

    struct MergeForm: Decodable { @FormText var into: String }

    /// A duplicate is merged into the place that stays (see `PlaceMerge`).
    @Sendable static func merge(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let target = String(
            try context.decodeForm(MergeForm.self).into.trimmingCharacters(in: .whitespaces).split(separator: "/").last
                ?? "")
        let now = services.time.now()
        let tokens = services.tokens
        let merged = try await services.database.transaction { sql in
            try await PlaceMerge.merge(id, into: target, by: user.id, now: now, tokens: tokens, in: sql)
        }
        guard merged else { return redirect(to: .placeHistory(id), flash: "directory.merge_unknown") }
        return redirect(to: .placeHistory(target), flash: "directory.merged")
    }

    /// Puts back the listing as it was before this (applied) change; the restoration is itself a change,
    /// and what was pending for the listing is closed (refused, with the reason noted): it was made
    /// against a state that no longer holds.
    @Sendable static func revert(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let now = services.time.now()
        let placeID: String = try await services.database.transaction { sql in
            guard let change = try await DirectoryQueries.change(id, in: sql),
                change.status == DirectoryQueries.ChangeRow.applied,
                let before = Contributions.decode(change.beforeJson),
                let current = try await DirectoryQueries.find(id: change.placeId, in: sql)
            else { throw PageError.notFound }
            for pending in try await DirectoryQueries.pendingChanges(of: change.placeId, in: sql) {
                try await DirectoryQueries.review(
                    pending.id, status: DirectoryQueries.ChangeRow.refused, by: user.id, now: now, reason: "restored",
                    in: sql)
            }
            try await Contributions.apply(before, to: change.placeId, now: now, in: sql)
            try await DirectoryQueries.recordChanges(
                [
                    .init(
                        id: services.tokens.identifier(), placeId: change.placeId, changedAt: now, changedBy: user.id,
                        origin: "retour:\(id)",
                        beforeJson: try Contributions.encode(current.place),
                        afterJson: try Contributions.encode(before), reviewedBy: user.id, reviewedAt: now
                    )
                ], in: sql)
            return change.placeId
        }
        return redirect(to: .placeHistory(placeID), flash: "directory.reverted")
    }
}
