import EclairageDomain

/// The association's accompaniment page: the bodies it lets in and what each sees, the requests bodies
/// sent it, and asking a vetted body for help (those of its département first).
enum SupportPage {}

extension SupportPage {
    struct Model: Sendable {
        let associationName: String
        let backLink: String
        let isOwner: Bool
        let grants: [Grant]
        /// Accompaniments a body closed ("PAVA a clos l'accompagnement le… : « reason »").
        let closings: [String]
        let requests: [Request]
        let bodies: [Body]
        let form: FormState
        let askAction: String
        let withdrawAction: String
        let answerAction: String
        let planChecked: Bool
        let inventoryChecked: Bool

        struct Grant: Sendable {
            let id: String
            let name: String
            let since: String
            let shares: String
        }
        struct Request: Sendable {
            let id: String
            let name: String
            let requester: String
            let message: String
            let date: String
        }
        struct Body: Sendable {
            let id: String
            let label: String
            let selected: Bool
            let placeLink: String?
        }
    }
}

extension SupportPage.Model {
    static func make(
        _ query: SupportPage.Query, loaded: AuthorizedAssociation, form: FormState, context: AppRequestContext,
        services: AppServices
    ) -> Self {
        let views = services.views
        let language = context.language
        let id = loaded.association.id
        let granted = Set(query.grants.map(\.supportBodyId))
        let home = loaded.association.departement
        // Near first: the association's département, then the others, each by name.
        let choices = query.vetted.filter { !granted.contains($0.id) }.sorted {
            ($0.departement == home ? 0 : 1, $0.name) < ($1.departement == home ? 0 : 1, $1.name)
        }
        let placeOf = Dictionary(query.places.map { ($0.supportBodyId, $0.id) }) { first, _ in first }
        return Self(
            associationName: loaded.association.name, backLink: SiteURL.association(id).path,
            isOwner: loaded.access.isOwner,
            grants: query.grants.map { grant in
                let parts =
                    ["support.shares_report"] + (grant.sharesPlan != 0 ? ["support.shares_plan"] : [])
                    + (grant.sharesInventory != 0 ? ["support.shares_inventory"] : [])
                return .init(
                    id: grant.supportBodyId, name: grant.bodyName,
                    since: DateFormatting.day(grant.grantedAt, language: language),
                    shares: parts.map { views.text($0, context) }.joined(separator: ", "))
            },
            closings: query.closings.map {
                views.text(
                    "closing.seen_by_association", context,
                    [
                        "body": $0.bodyName, "person": $0.closedByName,
                        "date": DateFormatting.day($0.closedAt, language: language), "reason": $0.reason,
                    ])
            },
            requests: query.requests.map {
                .init(
                    id: $0.id, name: $0.bodyName, requester: $0.requesterName, message: $0.message,
                    date: DateFormatting.day($0.createdAt, language: language))
            },
            bodies: choices.map { body in
                .init(
                    id: body.id, label: body.departement.map { "\(body.name) (\($0))" } ?? body.name,
                    selected: form.values["support_body"] == body.id,
                    placeLink: placeOf[body.id].map { SiteURL.place($0).path })
            },
            form: form, askAction: SiteURL.associationSupport(id).path,
            withdrawAction: SiteURL.associationAccess(id).path,
            answerAction: SiteURL.associationRequests(id).path,
            planChecked: form.values["shares_plan"] != nil || !form.hasErrors,
            inventoryChecked: form.values["shares_inventory"] != nil
        )
    }
}
