import EclairageDomain
import Hummingbird

/// The network writes a survey in a form (or in a data file): create it, and change it while no one has
/// answered. Surveys from a data file are changed in their file.
enum SurveyFormController {
    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        return render(editing: nil, values: [:], errors: FieldErrors(), context: context, services: services)
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let survey = try await editable(context: context, services: services)
        return render(
            editing: survey.id, values: SurveyFormFields.values(survey.survey), errors: FieldErrors(), context: context,
            services: services)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let (definition, problem) = try read(context: context, services: services)
        if let problem { return problem }
        let now = services.time.now()
        let (opens, closes) = SurveyRow.instants(definition)
        let row = SurveyRow(
            id: services.tokens.identifier(), token: services.tokens.random(), source: nil,
            definition: SurveyRow.encode(definition), opensAt: opens, closesAt: closes, createdBy: user.id,
            createdAt: now, updatedAt: now)
        try await services.database.transaction { try await SurveyQueries.insert(row, in: $0) }
        return redirect(to: .surveys, flash: "survey.created")
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let survey = try await editable(context: context, services: services)
        let (definition, problem) = try read(editing: survey.id, context: context, services: services)
        if let problem { return problem }
        let (opens, closes) = SurveyRow.instants(definition)
        let now = services.time.now()
        try await services.database.transaction { sql in
            // Checked again inside the transaction: an answer may have come in since the page was shown.
            guard try await SurveyQueries.responseCount(of: survey.id, in: sql) == 0 else { throw locked }
            try await SurveyQueries.update(
                id: survey.id, definition: SurveyRow.encode(definition), opensAt: opens, closesAt: closes, now: now,
                in: sql)
        }
        return redirect(to: .surveys, flash: "survey.updated")
    }

    static let locked = PageError(status: .conflict, messageKey: "survey.error.locked")

    /// The survey of the path, if the form may change it (written in the form, no answer yet).
    static func editable(context: AppRequestContext, services: AppServices) async throws -> SurveyRow {
        let id = try context.parameters.require("id")
        let found = try await services.database.read { sql -> (SurveyRow, Int)? in
            guard let survey = try await SurveyQueries.find(id: id, in: sql) else { return nil }
            return (survey, try await SurveyQueries.responseCount(of: id, in: sql))
        }
        guard let (survey, answers) = found else { throw PageError.notFound }
        guard survey.source == nil, answers == 0 else { throw locked }
        return survey
    }

    /// The definition the form sent, or the form again with what is wrong (422, nothing typed lost).
    static func read(editing id: String? = nil, context: AppRequestContext, services: AppServices) throws -> (
        SurveyDefinition, Response?
    ) {
        let form = try context.decodeForm(SurveyDefinitionForm.self)
        let (definition, slots, badKinds) = SurveyFormFields.definition(
            title: form.title, introduction: form.introduction, territory: form.territory, opens: form.opens,
            closes: form.closes
        ) { context.form[$0] ?? "" }
        var errors = FieldErrors()
        for problem in definition.problems(departements: services.departementCodes, regions: services.surveyRegions) {
            let field = SurveyFormFields.field(of: problem, slots: slots)
            if errors[field] == nil { errors[field] = "survey.error.\(problem.code.rawValue)" }
        }
        for slot in badKinds { errors[SurveyFormFields.field(slot, "kind")] = "survey.error.kind_unknown" }
        guard !errors.isEmpty else { return (definition, nil) }
        let values = context.form.fields.filter { $0.key.hasPrefix("question-") }.merging(
            [
                "title": form.title, "introduction": form.introduction, "territory": form.territory,
                "opens": form.opens,
                "closes": form.closes,
            ]) { $1 }
        return (
            definition,
            render(
                editing: id, values: values, errors: errors, context: context, services: services,
                status: .unprocessableContent)
        )
    }

    static func render(
        editing id: String?, values: [String: String], errors: FieldErrors, context: AppRequestContext,
        services: AppServices, status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = SurveyFormPage.Model.make(
            editing: id, values: values, errors: errors, context: context, services: services)
        return services.views.render(
            "survey-form", title: id == nil ? "survey.new_title" : "survey.edit_title", content: model,
            context: context, status: status)
    }
}
