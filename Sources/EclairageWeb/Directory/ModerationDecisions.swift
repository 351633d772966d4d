import EclairageDomain
import SQLKit

/// What the editors decide on the changes to listings, each in the transaction that writes it.
enum ModerationDecisions {
    /// Accepts or refuses a pending change; the flash that says what happened. An accepted change is
    /// checked against the listing as it is now: a conflict leaves it pending.
    static func decide(
        _ id: String, accept: Bool, by userID: String, schema: DirectorySchema, now: Int64,
        notices: ModerationNotices, in sql: any SQLDatabase
    ) async throws -> String {
        guard let change = try await DirectoryQueries.change(id, in: sql),
            change.status == DirectoryQueries.ChangeRow.pending
        else { throw PageError.notFound }
        guard accept else {
            try await DirectoryQueries.review(
                id, status: DirectoryQueries.ChangeRow.refused, by: userID, now: now, in: sql)
            try await notices.tell(change, accepted: false, schema: schema, now: now, in: sql)
            return change.beforeJson == nil ? "directory.proposal_refused_flash" : "directory.change_refused_flash"
        }
        let current = try await DirectoryQueries.find(id: change.placeId, in: sql)
        let outcome = Contributions.outcome(of: change, current: current?.place, schema: schema)
        guard outcome.conflicts.isEmpty, let place = outcome.place else { return "directory.change_conflict" }
        try await Contributions.apply(place, to: change.placeId, now: now, in: sql)
        try await DirectoryQueries.review(id, status: DirectoryQueries.ChangeRow.applied, by: userID, now: now, in: sql)
        try await notices.tell(change, accepted: true, schema: schema, now: now, in: sql)
        return change.beforeJson == nil ? "directory.proposal_published" : "directory.change_accepted"
    }

    /// Puts back the listing as it was before this (applied) change; the restoration is itself a
    /// change, and what was pending for the listing is closed (refused, with the reason noted): it was
    /// made against a state that no longer holds. Returns the listing's id.
    static func revert(_ id: String, by userID: String, tokens: TokenSource, now: Int64, in sql: any SQLDatabase)
        async throws -> String
    {
        guard let change = try await DirectoryQueries.change(id, in: sql),
            change.status == DirectoryQueries.ChangeRow.applied,
            let before = Contributions.decode(change.beforeJson),
            let current = try await DirectoryQueries.find(id: change.placeId, in: sql)
        else { throw PageError.notFound }
        for pending in try await DirectoryQueries.pendingChanges(of: change.placeId, in: sql) {
            try await DirectoryQueries.review(
                pending.id, status: DirectoryQueries.ChangeRow.refused, by: userID, now: now, reason: "restored",
                in: sql)
        }
        try await Contributions.apply(before, to: change.placeId, now: now, in: sql)
        try await DirectoryQueries.recordChanges(
            [
                .init(
                    id: tokens.identifier(), placeId: change.placeId, changedAt: now, changedBy: userID,
                    origin: "retour:\(id)",
                    beforeJson: try Contributions.encode(current.place), afterJson: try Contributions.encode(before),
                    reviewedBy: userID, reviewedAt: now
                )
            ], in: sql)
        return change.placeId
    }
}
