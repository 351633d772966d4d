import EclairageDomain
import Hummingbird

/// A survey's link: the associations of its territory answer, once each, and may change their answer
/// until it closes. Before it opens the page says when (403), after it closes that it is over (410).
enum SurveyAnswerController {
    static func load(
        _ request: Request, association: String?, context: AppRequestContext, services: AppServices
    ) async throws -> SurveyAnswerPage.Query {
        let token = try context.parameters.require("id")
        guard
            let query = try await SurveyAnswerPage.Query.load(
                token: token, userID: context.identity?.id, association: association,
                browserToken: SurveyRespondent.browserToken(request, surveyToken: token), services: services)
        else { throw PageError.notFound }
        return query
    }

    /// nil while the survey is open; else the page that says it is not.
    static func refusal(_ query: SurveyAnswerPage.Query, context: AppRequestContext, services: AppServices)
        -> Response?
    {
        let state = query.survey.state(at: services.time.now())
        guard state != .open else { return nil }
        let model = SurveyAnswerPage.Model.unavailable(query, state: state, context: context, services: services)
        return services.views.render(
            "survey-answer", title: "survey.answer_title", titleValues: ["title": model.title], content: model,
            context: context, status: state == .closed ? .gone : .forbidden)
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let query = try await load(
            request, association: request.queryFields.get("association"), context: context, services: services)
        if let refusal = refusal(query, context: context, services: services) { return refusal }
        let questions = query.survey.survey.questions
        let model = SurveyAnswerPage.Model.make(
            query, values: SurveyAnswerPage.Model.values(query.previous?.answers ?? .init(), questions: questions),
            errors: [:], limited: nil, departement: query.previous?.departement, context: context, services: services)
        return services.views.render(
            "survey-answer", title: "survey.answer_title", titleValues: ["title": model.title], content: model,
            context: context)
    }

    @Sendable static func submit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let form = try context.decodeSurveyAnswerForm()
        let query = try await load(request, association: form.association, context: context, services: services)
        if let refusal = refusal(query, context: context, services: services) { return refusal }
        let survey = query.survey
        let questions = survey.survey.questions
        let (answers, problems) = SurveyAnswers.read(questions) { context.form.all($0) }
        var errors = problems.mapValues { "survey.answer_error.\($0.rawValue)" }
        let now = services.time.now()
        var respondent: SurveyRespondent?
        if let chosen = query.chosen, let departement = chosen.departement {
            if chosen.id == form.association {
                respondent = .association(id: chosen.id, departement: departement)
            } else {
                errors["association"] = "survey.answer_error.association"
            }
        } else if services.departementCodes.contains(form.departement),
            survey.area.contains(departement: form.departement, map: services.surveyMap)
        {
            let token =
                SurveyRespondent.browserToken(request, surveyToken: survey.token) ?? services.tokens.random(length: 32)
            respondent = .browser(token: token)
        } else {
            errors["departement"] = "survey.answer_error.departement"
        }
        var limited: String?
        // A first answer from a browser stores a row for someone the site does not know: counted per address.
        if errors.isEmpty, case .browser = respondent, query.previous == nil,
            let refusal = try await RateLimiter(services).attempt(
                .surveyAnswer, from: ClientAddress.of(request, context: context))
        {
            limited = FormLimit.surveyAnswer.message(refusal, views: services.views, context: context)
        }
        guard let respondent, errors.isEmpty, limited == nil else {
            let model = SurveyAnswerPage.Model.make(
                query,
                values: Dictionary(
                    uniqueKeysWithValues: questions.map { question in
                        (SurveyAnswers.field(question), context.form.all(SurveyAnswers.field(question)))
                    }), errors: errors, limited: limited, departement: form.departement, context: context,
                services: services)
            return services.views.render(
                "survey-answer", title: "survey.answer_title", titleValues: ["title": model.title], content: model,
                context: context, status: limited == nil ? .unprocessableContent : .tooManyRequests)
        }
        let departement: String = if case .association(_, let code) = respondent { code } else { form.departement }
        let row = SurveyResponseRow(
            id: services.tokens.identifier(), surveyId: survey.id, respondent: respondent.key,
            associationId: respondent.associationID, departement: departement,
            choices: SurveyResponseRow.json(answers.choices), texts: SurveyResponseRow.json(answers.texts),
            createdAt: now, updatedAt: now)
        try await services.database.transaction { try await SurveyQueries.save(row, in: $0) }
        var path = SiteURL.surveyAnswer(token: survey.token).path
        if let id = respondent.associationID { path += "?association=" + id }
        var response = redirect(toPath: path, flash: "survey.saved")
        if case .browser(let token) = respondent {
            response.headers[values: .setCookie].append(
                SurveyRespondent.cookie(token, survey: survey, now: now, secure: services.configuration.secureCookies)
                    .description)
        }
        return response
    }
}
