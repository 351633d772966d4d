import EclairageDomain

/// The form that creates a training or changes one, with the sessions of the one being changed.
enum TrainingFormPage {
    struct Model: Sendable {
        let form: FormState
        let action: String
        let creating: Bool
        let placeName: String?
        let kinds: [FilterOption]
        let themes: [FilterOption]
        let needs: [FilterOption]
        let sessions: [Session]
        let trainingLink: String?

        struct Session: Sendable {
            let when: String
            let cancelled: Bool
            let cancelAction: String
        }

        init(
            _ state: FormState, action: SiteURL, creating: Bool, placeName: String?, themes chosen: [String],
            needs chosenNeeds: [String] = [], sessions: [SessionRow] = [], trainingID: String? = nil,
            services: AppServices, context: AppRequestContext
        ) {
            form = state
            self.action = action.path
            self.creating = creating
            self.placeName = placeName
            kinds = TrainingRow.kinds.map {
                .init(
                    value: $0, label: services.views.text("calendar.kind_\($0)", context), count: 0,
                    selected: state.values["kind"] == $0)
            }
            themes = services.questionnaire.themes.map {
                .init(value: $0.id, label: $0.title, count: 0, selected: chosen.contains($0.id))
            }
            needs = services.catalogue.needs.map {
                .init(value: $0.id, label: $0.name, count: 0, selected: chosenNeeds.contains($0.id))
            }
            self.sessions = sessions.map {
                Session(
                    when: DateFormatting.dayAndTime($0.startsAt, language: context.language),
                    cancelled: $0.cancelled != 0, cancelAction: SiteURL.sessionCancel($0.id).path)
            }
            trainingLink = trainingID.map { SiteURL.training($0).path }
        }
    }
}
