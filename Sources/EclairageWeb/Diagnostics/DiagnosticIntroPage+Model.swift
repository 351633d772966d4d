import EclairageDomain

/// The page that presents the questionnaire before starting it.
enum DiagnosticIntroPage {
    struct Model: Sendable {
        let title: String
        let intro: String
        let action = SiteURL.diagnosticIntro.path
        let themes: [String]
        let retentionDays: Int
        /// "About N minutes", computed from the content (`DiagnosticDuration`).
        let duration: String

        init(context: AppRequestContext, services: AppServices) {
            let questionnaire = services.questionnaire
            let minutes = DiagnosticDuration.estimate(questionnaire).announced
            title = questionnaire.title
            intro = questionnaire.intro
            themes = questionnaire.themes.map(\.title)
            retentionDays = services.configuration.diagnosticRetentionDays
            duration = services.views.text("diagnostic.duration", context, ["minutes": "\(minutes)"])
        }
    }
}
