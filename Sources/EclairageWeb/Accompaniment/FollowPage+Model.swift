import EclairageDomain

/// The follow-up of an association: the advisors' dated notes (members see those not marked internal)
/// and, for an advisor, the form to write one.
enum FollowPage {}

extension FollowPage {
    struct Model: Sendable {
        let associationName: String
        let backLink: String
        let planLink: String?
        let notes: [Note]
        let canWrite: Bool
        let action: String
        let form: FormState
        let today: String
        let bodies: [Body]
        let internalChecked: Bool
        /// Closing the accompaniment (an advisor's action): its address and the form's state.
        let closeAction: String
        let closeForm: FormState

        struct Note: Sendable {
            let date: String
            let author: String
            let text: String
            let isInternal: Bool
            let minutes: String?
        }
        struct Body: Sendable {
            let id: String
            let name: String
            let selected: Bool
        }
    }
}

extension FollowPage.Model {
    static func make(
        _ notes: [NoteQueries.Listed], loaded: AuthorizedAssociation, form: FormState, closeForm: FormState,
        today: Day,
        context: AppRequestContext, views: Views
    ) -> Self {
        let id = loaded.association.id
        return Self(
            associationName: loaded.association.name, backLink: SiteURL.association(id).path,
            planLink: loaded.seesPlan ? SiteURL.associationPlan(id).path : nil,
            notes: notes.map { note in
                Note(
                    date: Day(iso: note.notedOn).map { DateFormatting.day(of: $0, language: context.language) }
                        ?? note.notedOn,
                    author: "\(note.authorName) (\(note.bodyName))", text: note.text, isInternal: note.internal != 0,
                    minutes: note.minutes.map { views.text("note.minutes", context, ["n": "\($0)"]) })
            },
            canWrite: loaded.access == .advisor, action: SiteURL.associationNotes(id).path, form: form,
            today: form.values["day"] ?? today.iso,
            bodies: loaded.grants.count < 2
                ? []
                : loaded.grants.map {
                    .init(
                        id: $0.supportBodyId, name: $0.bodyName,
                        selected: form.values["support_body"] == $0.supportBodyId)
                },
            internalChecked: form.values["internal"] != nil, closeAction: SiteURL.associationClose(id).path,
            closeForm: closeForm)
    }
}
