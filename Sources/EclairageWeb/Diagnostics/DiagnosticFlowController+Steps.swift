import EclairageDomain
import Hummingbird

/// Answering page by page: a page of questions, saved, then the next one, the previous one or the report.
extension DiagnosticFlowController {
    @Sendable static func showStep(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let number = try stepNumber(context, services: services)
        let answers = try await savedAnswers(of: access.diagnostic.id, services: services)
        let token = access.via == .token ? request.cookies[DiagnosticAccess.cookieName]?.value : nil
        return render(
            number, answers: answers, access: access, token: number == 1 ? token : nil, context: context,
            services: services)
    }

    /// Saves the page's answers (only known questions and options), then goes back, forward or to the report.
    @Sendable static func saveStep(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let number = try stepNumber(context, services: services)
        let questionnaire = services.questionnaire
        let page = questionnaire.pages[number - 1]
        let form = DiagnosticStepForm(context.form)
        let id = access.diagnostic.id
        // Only the questions the page shows may be answered (the tools page shows the usages checked,
        // a theme page the questions they lead to); saving clears the page's other questions, so an
        // unchecked usage takes its tools and its folded questions with it. Only the first page
        // depends on nothing earlier.
        var shown = Set(page.questionIDs)
        if number > 1 {
            let before = try await savedAnswers(of: id, services: services)
            shown = Set(questionnaire.shownQuestionIDs(page, answers: before))
        }
        if let problem = AnswerCheck.check(
            form.answers, allowedQuestions: shown, questionnaire: questionnaire,
            departements: services.departementCodes)
        {
            context.logger.notice("Réponses refusées pour \(id) : \(problem)")
            let answers = try await savedAnswers(of: id, services: services)
            return render(
                number, answers: answers, access: access, token: nil,
                error: services.views.text("diagnostic.bad_answers", context), context: context, services: services,
                status: .unprocessableContent)
        }
        let isLast = number == questionnaire.pages.count
        let now = services.time.now()
        try await services.database.transaction { sql in
            try await DiagnosticQueries.replaceAnswers(
                of: id, questions: page.questionIDs, choices: form.answers, now: now, in: sql)
            try await DiagnosticScores.keep(id, questionnaire: questionnaire, in: sql)
            if isLast && form.direction == .next {
                try await DiagnosticQueries.markCompleted(id, now: now, in: sql)
                try await ObservatoryRecords.recordIfCompleted(
                    id, questionnaire: questionnaire, catalogue: services.catalogue, now: now, in: sql)
            }
        }
        switch form.direction {
        case .back where number > 1: return redirect(to: .diagnosticStep(id, step: String(number - 1)))
        case .report: return redirect(to: .diagnosticReport(id))
        default:
            return isLast
                ? redirect(to: .diagnosticReport(id)) : redirect(to: .diagnosticStep(id, step: String(number + 1)))
        }
    }

    private static func stepNumber(_ context: AppRequestContext, services: AppServices) throws -> Int {
        guard let number = Int(try context.parameters.require("step")),
            (1...services.questionnaire.pages.count).contains(number)
        else {
            throw PageError.notFound
        }
        return number
    }

    static func render(
        _ number: Int, answers: Answers, access: DiagnosticAccess, token: String?, error: String? = nil,
        mailValue: String? = nil, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = DiagnosticStepPage.Model(
            number, answers: answers, diagnosticID: access.diagnostic.id, token: token, error: error,
            mailValue: mailValue, context: context, services: services)
        return services.views.render(
            "diagnostic-step", title: "diagnostic.step_title", titleValues: ["heading": model.heading], content: model,
            context: context, status: status)
    }

    static func savedAnswers(of id: String, services: AppServices) async throws -> Answers {
        try await services.database.read { try await DiagnosticQueries.answers(of: id, in: $0) }
    }
}
