import EclairageDomain

/// One document filled in for one association, with, for the membership notice, the register's
/// activities it covers: those ticked (`?activite=…`), else those about members.
struct DocumentDraft: Sendable {
    struct Choice: Sendable {
        let id: String
        let name: String
        let chosen: Bool
    }

    let document: AssociationDocument
    /// The register's activities to choose from (the membership notice only).
    let choices: [Choice]

    static func make(
        _ kind: AssociationDocument.Kind, access: InventoryAccess, query: RegisterPage.Query, chosen: [String],
        services: AppServices, context: AppRequestContext
    ) -> DocumentDraft {
        let drafts = DocumentDrafts(
            wording: services.documentWording, profile: access.loaded.association.profile, assets: query.assets)
        switch kind {
        case .privacyNotice:
            let activities = query.activities.map(\.activity)
            let known = Set(activities.map(\.id))
            let picked = chosen.filter(known.contains)
            let covered =
                picked.isEmpty
                ? activities.filter(\.concernsMembers) : activities.filter { picked.contains($0.id) }
            let document = drafts.privacyNotice(covered) {
                services.views.translations.text("activity.basis.\($0.rawValue)", .fr)
            }
            let ids = Set(covered.map(\.id))
            return DocumentDraft(
                document: document,
                choices: activities.map { Choice(id: $0.id, name: $0.name, chosen: ids.contains($0.id)) })
        case .legalNotice: return DocumentDraft(document: drafts.legalNotice, choices: [])
        case .charter: return DocumentDraft(document: drafts.charter, choices: [])
        }
    }
}
