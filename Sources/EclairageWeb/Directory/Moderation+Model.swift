import EclairageDomain

/// The editors' queue and a place's history: each change with what it changes, what may be done with it.
struct ModerationPage: Sendable {
    let changes: [Item]
    let heading: String
    let backLink: String?
    var mergeAction: String? = nil
    var mergeError: String? = nil
    /// The queue's form that refuses the ticked changes at once.
    var refuseAllAction: String? = nil
}

extension ModerationPage {
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

    static func item(
        _ change: DirectoryQueries.ChangeRow, place: PlaceRow?, pendingAction: String?, revert: Bool,
        services: AppServices, context: AppRequestContext
    ) -> Item {
        let after = Contributions.decode(change.afterJson)
        let pending = change.status == DirectoryQueries.ChangeRow.pending
        // A pending edit is shown as what accepting it would do to the listing as it is now.
        let schema = services.directory.schema
        let outcome =
            pending && change.beforeJson != nil
            ? Contributions.outcome(of: change, current: place?.place, schema: schema) : nil
        let differences =
            if let outcome, let current = place?.place {
                Contributions.differences(current, outcome.place ?? after, schema: schema)
            } else {
                Contributions.differences(Contributions.decode(change.beforeJson), after, schema: schema)
            }
        let conflict = outcome.flatMap {
            $0.conflicts.isEmpty
                ? nil
                : services.views.text(
                    "directory.change_conflict_fields", context,
                    [
                        "fields": $0.conflicts.joined(separator: ", ")
                    ])
        }
        return Item(
            id: change.id, name: after?.name ?? place?.name ?? "?",
            link: place?.status == PlaceRow.published ? SiteURL.place(change.placeId).path : nil,
            origin: services.views.text("directory.origin_\(change.origin.split(separator: ":").first ?? "")", context)
                + (change.contact.map { " (\($0))" } ?? ""),
            when: DateFormatting.dayAndTime(change.changedAt, language: context.language),
            status: services.views.text("directory.change_\(change.status)", context),
            differences: differences,
            action: pending ? pendingAction : nil,
            revertAction: revert && change.status == DirectoryQueries.ChangeRow.applied && change.beforeJson != nil
                ? SiteURL.placeRevert(change.id).path : nil,
            conflict: conflict, reason: change.reason.map { services.views.text("directory.reason_\($0)", context) }
        )
    }
}
