import EclairageDomain

/// A survey's answer page, reached by its link: the questions as a plain form (no script, one column
/// that fits a phone), for one of the signed-in person's associations or, without one, for an
/// association of a département the visitor names. Before it opens and after it closes, the page
/// says so and shows no question.
enum SurveyAnswerPage {}

extension SurveyAnswerPage {
    struct Model: Sendable {
        let title: String
        let introduction: String?
        let dates: String
        /// Why no answer is taken now (not open yet, closed); nil while open.
        let unavailable: String?
        let form: Form?
    }

    struct Form: Sendable {
        let action: String
        let state: FormState
        /// The associations the person answers for (nil without one: the département is asked instead).
        let associationSelect: Select?
        let departementSelect: Select?
        /// An answer was given already: it is shown, and sending again replaces it.
        let answered: Bool
        /// The person's associations that cannot answer yet, each with the page where its département is set.
        let missingDepartement: [LinkView]
        let questions: [Question]
    }

    struct Question: Sendable {
        let field: String
        let text: String
        let required: Bool
        let error: String?
        /// Free text: its value, and a note that only the network reads it.
        let isText: Bool
        let value: String?
        let choices: [Choice]
    }

    struct Select: Sendable {
        let options: [SelectOption]
        let error: String?
    }

    struct Choice: Sendable {
        let inputID: String
        let name: String
        let value: String
        let label: String
        let inputType: String
        let checked: Bool
    }
}

extension SurveyAnswerPage.Model {
    /// The values the form shows: those just sent, or the answer saved before.
    static func values(_ answers: SurveyAnswers, questions: [SurveyQuestion]) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for question in questions {
            let field = SurveyAnswers.field(question)
            if let chosen = answers.choices[question.id] { values[field] = chosen }
            if let text = answers.texts[question.id] { values[field] = [text] }
        }
        return values
    }

    static func dates(_ survey: SurveyRow, context: AppRequestContext, services: AppServices) -> String {
        services.views.text(
            "survey.dates", context,
            [
                "opens": DateFormatting.day(survey.opensAt, language: context.language),
                "closes": DateFormatting.day(survey.closesAt - 1, language: context.language),
            ])
    }

    static func unavailable(
        _ query: SurveyAnswerPage.Query, state: SurveyState, context: AppRequestContext,
        services: AppServices
    ) -> Self {
        let survey = query.survey
        let definition = survey.survey
        return Self(
            title: definition.title, introduction: nil, dates: dates(survey, context: context, services: services),
            unavailable: services.views.text("survey.\(state.rawValue)", context), form: nil)
    }

    static func make(
        _ query: SurveyAnswerPage.Query, values: [String: [String]], errors: [String: String], limited: String?,
        departement: String?, context: AppRequestContext, services: AppServices
    ) -> Self {
        let survey = query.survey
        let definition = survey.survey
        let views = services.views
        let map = services.surveyMap
        var translated = errors.mapValues { views.text($0, context) }
        // A refused first answer (too many from one connection) is said where the respondent is chosen.
        if let limited { translated[query.associations.isEmpty ? "departement" : "association"] = limited }
        let order = ["association", "departement"] + definition.questions.map(SurveyAnswers.field)
        let state = FormState(
            values: [:], errors: translated,
            errorList: order.compactMap { field in translated[field].map { .init(field: field, message: $0) } })
        let associations =
            query.associations.isEmpty
            ? nil
            : SurveyAnswerPage.Select(
                options: query.associations.map {
                    SelectOption(value: $0.id, label: $0.name, selected: $0.id == query.chosen?.id)
                }, error: translated["association"])
        let departements =
            query.associations.isEmpty
            ? SurveyAnswerPage.Select(
                options: services.departements.filter { survey.area.contains(departement: $0.code, map: map) }.map {
                    SelectOption(value: $0.code, label: "\($0.code) – \($0.name)", selected: $0.code == departement)
                }, error: translated["departement"]) : nil
        return Self(
            title: definition.title, introduction: definition.introduction.isEmpty ? nil : definition.introduction,
            dates: dates(survey, context: context, services: services), unavailable: nil,
            form: SurveyAnswerPage.Form(
                action: SiteURL.surveyAnswer(token: survey.token).path, state: state, associationSelect: associations,
                departementSelect: departements, answered: query.previous != nil,
                missingDepartement: query.withoutDepartement.map {
                    LinkView(title: $0.name, link: SiteURL.associationEdit($0.id).path)
                },
                questions: definition.questions.map { question in
                    let field = SurveyAnswers.field(question)
                    let chosen = values[field] ?? []
                    return SurveyAnswerPage.Question(
                        field: field, text: question.text, required: question.isRequired, error: translated[field],
                        isText: question.kind == .text, value: question.kind == .text ? chosen.first : nil,
                        choices: choices(question, chosen: chosen, context: context, services: services))
                }))
    }

    static func choices(
        _ question: SurveyQuestion, chosen: [String], context: AppRequestContext, services: AppServices
    ) -> [SurveyAnswerPage.Choice] {
        let field = SurveyAnswers.field(question)
        let type = question.kind == .multiple ? "checkbox" : "radio"
        switch question.kind {
        case .text: return []
        case .scale:
            return SurveyQuestion.scaleValues.map { value in
                SurveyAnswerPage.Choice(
                    inputID: "\(field)-\(value)", name: field, value: value,
                    label: services.views.text("survey.scale.\(value)", context), inputType: type,
                    checked: chosen.contains(value))
            }
        case .single, .multiple:
            return (question.options ?? []).map { option in
                SurveyAnswerPage.Choice(
                    inputID: "\(field)-\(option.id)", name: field, value: option.id, label: option.label,
                    inputType: type,
                    checked: chosen.contains(option.id))
            }
        }
    }
}
