import EclairageDomain

/// The form that creates a training or changes one, with the sessions of the one being changed.
enum TrainingFormPage {
    struct Model: Sendable {
        let form: FormState
        let action: String
        let creating: Bool
        let placeName: String?
        /// The places offered by name: a `<select>` when few (a manager's places, or those matching
        /// what was typed), else a text field the browser completes from `placeSuggestions`.
        let placeChoices: [FilterOption]
        let placeSuggestions: [String]
        let every: [FilterOption]
        let kinds: [FilterOption]
        let themes: [FilterOption]
        let needs: [FilterOption]
        let sessions: [Session]
        let trainingLink: String?

        struct Session: Sendable {
            let when: String
            let cancelled: Bool
            let cancelAction: String
            let moveAction: String
            let moveID: String
            let start: String
            let past: Bool
        }

        init(
            _ state: FormState, action: SiteURL, creating: Bool, placeName: String?, themes chosen: [String],
            needs chosenNeeds: [String] = [], sessions: [SessionRow] = [], trainingID: String? = nil,
            places: [DirectoryIndex.Entry] = [], suggestions: [String] = [], now: Int64 = 0,
            services: AppServices, context: AppRequestContext
        ) {
            form = state
            self.action = action.path
            self.creating = creating
            self.placeName = placeName
            placeChoices = places.map {
                .init(
                    value: $0.id, label: OrganiserChoice.label($0), count: 0, selected: state.values["place"] == $0.id)
            }
            placeSuggestions = places.isEmpty ? suggestions : []
            every = ["0", "7", "14", "28"].map {
                .init(
                    value: $0, label: services.views.text("calendar_every_\($0)", context), count: 0,
                    selected: (state.values["every"] ?? "0") == $0)
            }
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
                    when: DateFormatting.weekdayAndTime($0.startsAt, language: context.language),
                    cancelled: $0.cancelled != 0, cancelAction: SiteURL.sessionCancel($0.id).path,
                    moveAction: SiteURL.sessionMove($0.id).path, moveID: "s-\($0.id)-move",
                    start: ParisTime(unixTime: $0.startsAt).dateTimeLocal, past: $0.startsAt <= now)
            }
            trainingLink = trainingID.map { SiteURL.training($0).path }
        }
    }
}
