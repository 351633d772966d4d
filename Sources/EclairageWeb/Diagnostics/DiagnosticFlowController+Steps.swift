import EclairageDomain
import Hummingbird

/// Answering page by page, and mailing the resume link from the first page.
extension DiagnosticFlowController {
    @Sendable static func showStep(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let number = try stepNumber(context, services: services)
        let answers = try await services.database.read {
            try await DiagnosticQueries.answers(of: access.diagnostic.id, in: $0)
        }
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
        // Only the questions the page shows may be answered (the tools page shows the usages checked);
        // saving clears the page's other questions, so an unchecked usage takes its tools with it.
        // Only the tools page depends on earlier answers: the others are read from the questionnaire alone.
        var shown = Set(page.questionIDs)
        if case .tools = page {
            let before = try await services.database.read { try await DiagnosticQueries.answers(of: id, in: $0) }
            shown = Set(questionnaire.shownQuestionIDs(page, answers: before))
        }
        if let problem = AnswerCheck.check(
            form.answers, allowedQuestions: shown, questionnaire: questionnaire,
            departements: services.departementCodes)
        {
            context.logger.notice("Réponses refusées pour \(id) : \(problem)")
            let answers = try await services.database.read { try await DiagnosticQueries.answers(of: id, in: $0) }
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
            if isLast && form.direction == .next { try await DiagnosticQueries.markCompleted(id, now: now, in: sql) }
        }
        switch form.direction {
        case .back where number > 1: return redirect(to: .diagnosticStep(id, step: String(number - 1)))
        case .report: return redirect(to: .diagnosticReport(id))
        default:
            return isLast
                ? redirect(to: .diagnosticReport(id)) : redirect(to: .diagnosticStep(id, step: String(number + 1)))
        }
    }

    /// Sends the resume link to an address typed by the person holding it; the address is not kept.
    @Sendable static func mailResumeLink(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let id = access.diagnostic.id
        guard access.via == .token, let token = request.cookies[DiagnosticAccess.cookieName]?.value else {
            throw PageError.forbidden
        }
        let email = EmailAddress.normalise(try context.decodeForm(EmailForm.self).email)
        guard EmailAddress.isPlausible(email) else {
            return redirect(to: .diagnosticStep(id, step: "1"), flash: "diagnostic.mail_invalid")
        }
        let address = ClientAddress.of(request, context: context)
        if let refusal = try await RateLimiter(services).attempt(.resumeLink, from: address, to: email) {
            // The first page again, with the address as typed and when to retry.
            let answers = try await services.database.read { try await DiagnosticQueries.answers(of: id, in: $0) }
            return render(
                1, answers: answers, access: access, token: token,
                error: FormLimit.resumeLink.message(refusal, views: services.views, context: context),
                mailValue: email, context: context, services: services, status: .tooManyRequests)
        }
        let views = services.views
        try await services.outbox.enqueue(
            MailMessage(
                to: email, subject: views.text("diagnostic.mail_subject", context),
                body: views.text(
                    "diagnostic.mail_body", context, ["link": services.absoluteURL(.diagnosticResume(token: token))])
            ))
        return redirect(to: .diagnosticStep(id, step: "1"), flash: "diagnostic.mail_sent")
    }

    private static func stepNumber(_ context: AppRequestContext, services: AppServices) throws -> Int {
        guard let number = Int(try context.parameters.require("step")),
            (1...services.questionnaire.pages.count).contains(number)
        else {
            throw PageError.notFound
        }
        return number
    }

    private static func render(
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
}
