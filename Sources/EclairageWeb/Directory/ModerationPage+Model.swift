import EclairageDomain

/// The editors' queue and a place's history: each change with what it changes, what may be done with it.
enum ModerationPage {
    struct Model: Sendable {
        let changes: [Item]
        let heading: String
        let backLink: String?
        let mergeAction: String?
        /// The queue's form that refuses the ticked changes at once.
        let refuseAllAction: String?

        /// The pending changes, each as accepting it would change the listing as it is now.
        init(queue query: Query, services: AppServices, context: AppRequestContext) {
            changes = query.changes.map { change in
                Item(change, place: query.places[change.placeId], revert: false, services: services, context: context)
            }
            heading = services.views.text("directory_moderation_heading", context)
            backLink = nil
            mergeAction = nil
            refuseAllAction = changes.isEmpty ? nil : SiteURL.moderationRefuseAll.path
        }

        /// Every change of `place`, the applied ones to restore from, and the form that merges a duplicate into it.
        init(
            history place: PlaceRow, changes: [DirectoryQueries.ChangeRow], services: AppServices,
            context: AppRequestContext
        ) {
            self.changes = changes.map { Item($0, place: place, revert: true, services: services, context: context) }
            heading = services.views.text("directory_history_heading", context, ["name": place.name])
            backLink = SiteURL.place(place.id).path
            mergeAction = place.status == PlaceRow.published ? SiteURL.placeMerge(place.id).path : nil
            refuseAllAction = nil
        }
    }
}

extension ModerationPage.Model {
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
        /// Set when the position is only the centre of the postcode's commune (the proposal form places
        /// a new address there): the editor checks it before publishing.
        let approximate: String?
    }

}

extension ModerationPage.Model.Item {
    /// The notice when `place` sits exactly on its commune's centre, as the communes file gives it.
    static func approximate(_ place: Place?, services: AppServices, context: AppRequestContext) -> String? {
        guard let place, let latitude = place.latitude, let longitude = place.longitude,
            let communes = try? services.directory.communes()
        else { return nil }
        let centre = communes.communes(postcode: place.postcode).first {
            abs($0.latitude - latitude) < 1e-6 && abs($0.longitude - longitude) < 1e-6
        }
        return centre.map {
            services.views.text(
                "directory.position_approximate", context, ["commune": $0.name, "postcode": place.postcode])
        }
    }

    init(
        _ change: DirectoryQueries.ChangeRow, place: PlaceRow?, revert: Bool, services: AppServices,
        context: AppRequestContext
    ) {
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
        self.init(
            id: change.id, name: after?.name ?? place?.name ?? "?",
            link: place?.status == PlaceRow.published ? SiteURL.place(change.placeId).path : nil,
            origin: services.views.text("directory.origin_\(change.origin.split(separator: ":").first ?? "")", context)
                + (change.contact.map { " (\($0))" } ?? ""),
            when: DateFormatting.dayAndTime(change.changedAt, language: context.language),
            status: services.views.text("directory.change_\(change.status)", context),
            differences: differences,
            action: pending ? SiteURL.moderationChange(change.id).path : nil,
            revertAction: revert && change.status == DirectoryQueries.ChangeRow.applied && change.beforeJson != nil
                ? SiteURL.placeRevert(change.id).path : nil,
            conflict: conflict, reason: change.reason.map { services.views.text("directory.reason_\($0)", context) },
            approximate: pending ? Self.approximate(after, services: services, context: context) : nil
        )
    }
}
