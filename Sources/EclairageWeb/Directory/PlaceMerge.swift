import EclairageDomain
import SQLKit

/// A duplicate is merged into the place that stays: it is hidden (status `merged`), its trainings and
/// support body move over, and both histories say so; restoring the merged place's earlier state
/// from its history brings it back.
enum PlaceMerge {
    /// False when the place to keep is unknown, the same, or not published.
    static func merge(
        _ id: String, into target: String, by userID: String, now: Int64, tokens: TokenSource, in sql: any SQLDatabase
    ) async throws -> Bool {
        guard let source = try await DirectoryQueries.find(id: id, in: sql), source.status == PlaceRow.published else {
            throw PageError.notFound
        }
        guard target != id, let kept = try await DirectoryQueries.find(id: target, in: sql),
            kept.status == PlaceRow.published
        else { return false }
        try await DirectoryQueries.setStatus(id, PlaceRow.merged, now: now, in: sql)
        try await DirectoryQueries.moveBelongings(from: id, to: target, in: sql)
        let sourceJSON = try Contributions.encode(source.place)
        let keptJSON = try Contributions.encode(kept.place)
        try await DirectoryQueries.recordChanges(
            [
                .init(
                    id: tokens.identifier(), placeId: id, changedAt: now, changedBy: userID, origin: "fusion:\(target)",
                    beforeJson: sourceJSON, afterJson: sourceJSON, contact: kept.name, reviewedBy: userID,
                    reviewedAt: now),
                .init(
                    id: tokens.identifier(), placeId: target, changedAt: now, changedBy: userID, origin: "fusion:\(id)",
                    beforeJson: nil, afterJson: keptJSON, contact: source.name, reviewedBy: userID, reviewedAt: now),
            ], in: sql)
        try await DirectoryQueries.bumpVersion(in: sql)
        return true
    }
}
