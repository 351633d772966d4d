import EclairageDomain

/// The network's surveys: each with its territory, days, state, number of answers, the link to send
/// to associations, and what can be done with it.
enum SurveyListPage {}

extension SurveyListPage {
    struct Model: Sendable {
        let newLink: String
        let surveys: [Item]
    }

    struct Item: Sendable {
        let title: String
        let territory: String
        let dates: String
        let state: String
        let answers: String
        let link: String
        let resultsLink: String
        /// Written in the form and not answered yet.
        let editLink: String?
        /// From a data file: its days are the file's.
        let source: String?
        let stateAction: String?
        let canOpen: Bool
        let canClose: Bool
    }
}

extension SurveyListPage.Model {
    static func make(
        _ surveys: [SurveyRow], counts: [String: Int], context: AppRequestContext, services: AppServices
    ) -> Self {
        let views = services.views
        let now = services.time.now()
        return Self(
            newLink: SiteURL.newSurvey.path,
            surveys: surveys.map { survey in
                let state = survey.state(at: now)
                let answers = counts[survey.id] ?? 0
                let fromForm = survey.source == nil
                return SurveyListPage.Item(
                    title: survey.survey.title,
                    territory: territoryLabel(survey.area, context: context, services: services),
                    dates: SurveyAnswerPage.Model.dates(survey, context: context, services: services),
                    state: views.text("survey.state.\(state.rawValue)", context),
                    answers: views.plural("survey.answers_count", count: answers, context),
                    link: services.absoluteURL(.surveyAnswer(token: survey.token)),
                    resultsLink: SiteURL.surveyResults(survey.id).path,
                    editLink: fromForm && answers == 0 ? SiteURL.surveyEdit(survey.id).path : nil,
                    source: survey.source.map { "Content/surveys/\($0).yaml" },
                    stateAction: fromForm ? SiteURL.surveyState(survey.id).path : nil,
                    canOpen: fromForm && state == .upcoming, canClose: fromForm && state == .open)
            })
    }

    static func territoryLabel(_ territory: Territory, context: AppRequestContext, services: AppServices) -> String {
        switch territory {
        case .whole: services.views.text("survey.whole", context)
        case .region(let code):
            services.regions.first { $0.code == code }.map {
                services.views.text("survey.region", context, ["name": $0.name])
            } ?? code
        case .departement(let code):
            services.departements.first { $0.code == code }.map { "\($0.code) – \($0.name)" } ?? code
        }
    }
}
