import EclairageDomain
import Hummingbird

/// The editors' queue: each proposal or edit with what it changes, to accept or refuse; and a
/// place's history, where any earlier state can be restored (itself kept as a change).
enum ModerationController {
    @Sendable static func queue(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let query = try await ModerationPage.Query.pending(services: services)
        return services.views.render(
            "moderation", title: "directory.moderation_title",
            content: ModerationPage.Model(queue: query, services: services, context: context), context: context)
    }

    @Sendable static func decide(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let decision = try context.decodeForm(ModerationDecisionBody.self).decision
        guard ["accepter", "refuser"].contains(decision) else {
            throw PageError(status: .badRequest, messageKey: "error.400.text")
        }
        let now = services.time.now()
        let schema = services.directory.schema
        let notices = ModerationNotices(
            translations: services.views.translations, baseURL: services.configuration.baseURL)
        let flash = try await services.database.transaction { sql in
            try await ModerationDecisions.decide(
                id, accept: decision == "accepter", by: user.id, schema: schema, now: now, notices: notices, in: sql)
        }
        return redirect(to: .moderation, flash: flash)
    }

    /// Refuses every ticked pending change at once (a burst of unwanted proposals, say).
    @Sendable static func refuseAll(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let ids = Array(Set(try context.decodeForm(ModerationRefusalBody.self).changes)).prefix(500)
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
            content: ModerationPage.Model(history: place, changes: changes, services: services, context: context),
            context: context)
    }

    /// A duplicate is merged into the place that stays (see `PlaceMerge`).
    @Sendable static func merge(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let into = try context.decodeForm(PlaceMergeBody.self).into
        let target = String(into.trimmingCharacters(in: .whitespaces).split(separator: "/").last ?? "")
        let now = services.time.now()
        let tokens = services.tokens
        let merged = try await services.database.transaction { sql in
            try await PlaceMerge.merge(id, into: target, by: user.id, now: now, tokens: tokens, in: sql)
        }
        guard merged else { return redirect(to: .placeHistory(id), flash: "directory.merge_unknown") }
        return redirect(to: .placeHistory(target), flash: "directory.merged")
    }

    /// Puts back the listing as it was before this (applied) change (see `ModerationDecisions.revert`).
    @Sendable static func revert(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let now = services.time.now()
        let tokens = services.tokens
        let placeID = try await services.database.transaction { sql in
            try await ModerationDecisions.revert(id, by: user.id, tokens: tokens, now: now, in: sql)
        }
        return redirect(to: .placeHistory(placeID), flash: "directory.reverted")
    }
}
