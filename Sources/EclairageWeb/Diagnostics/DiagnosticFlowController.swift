import EclairageDomain
import Hummingbird
import SQLKit

/// Starting, answering page by page, resuming, and the association's own diagnostics.
enum DiagnosticFlowController {
    struct IntroContent: Sendable {
        let title: String
        let intro: String
        let action = SiteURL.diagnosticIntro.path
        let themes: [String]
        let retentionDays: Int
        /// "About N minutes", computed from the content (`DiagnosticDuration`).
        let duration: String
    }

    @Sendable static func intro(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let questionnaire = services.questionnaire
        let minutes = DiagnosticDuration.estimate(questionnaire).announced
        let content = IntroContent(
            title: questionnaire.title, intro: questionnaire.intro, themes: questionnaire.themes.map(\.title),
            retentionDays: services.configuration.diagnosticRetentionDays,
            duration: services.views.text("diagnostic.duration", context, ["minutes": "\(minutes)"])
        )
        return services.views.render(
            "diagnostic-intro", title: "diagnostic.intro_title", content: content, context: context)
    }

    /// A new anonymous diagnostic: its private token goes into a cookie scoped to it, and is shown as a resume link.
    @Sendable static func start(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        if try await RateLimiter(services).attempt(.diagnosticStart, from: ClientAddress.of(request, context: context))
            != nil
        {
            return redirect(to: .diagnosticIntro, flash: "limits.diagnostic_start")
        }
        let days = services.configuration.diagnosticRetentionDays
        var (response, id, token) = try await create(
            associationID: nil, userID: context.identity?.id, expiresIn: Int64(days) * 24 * 3600, services: services)
        response.headers[values: .setCookie].append(
            DeviceDiagnostics.cookie(
                adding: .init(id: id, token: token), to: request, retentionDays: days,
                secure: services.configuration.secureCookies
            ).description
        )
        return response
    }

    /// An association's member, or an advisor it let in, starts one attached to it (an interview, say).
    /// A retake starts from the association's profile and the previous diagnostic's profile page; with
    /// "reprendre", from all its answers.
    @Sendable static func startForAssociation(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        let keepAll = try context.decodeForm(StartForm.self).reprendre == "1"
        let associationID = loaded.association.id
        let previous = try await services.database.read {
            try await DiagnosticQueries.latestAnswers(of: associationID, in: $0)
        }
        let prefill = DiagnosticPrefill.answers(
            profile: loaded.association.profile, previous: previous, questionnaire: services.questionnaire,
            keepAll: keepAll)
        return try await create(
            associationID: associationID, userID: loaded.user.id, expiresIn: nil, prefill: prefill, services: services
        ).response
    }

    /// Only an anonymous diagnostic hands its token to the browser; one started for an association keeps
    /// the hash of a token nobody is given, so the association's rules alone open it.
    private static func create(
        associationID: String?, userID: String?, expiresIn: Int64?, prefill: Answers = Answers(), services: AppServices
    ) async throws -> (response: Response, id: String, token: String) {
        let token = services.tokens.random()
        let now = services.time.now()
        let diagnostic = Diagnostic(
            id: services.tokens.identifier(), tokenHash: TokenHash.of(token),
            questionnaireVersion: services.questionnaire.version,
            associationId: associationID, createdBy: userID, createdAt: now, updatedAt: now, completedAt: nil,
            expiresAt: expiresIn.map { now + $0 }
        )
        try await services.database.transaction { sql in
            try await DiagnosticQueries.purgeExpired(now: now, in: sql)
            try await DiagnosticQueries.insert(diagnostic, in: sql)
            if !prefill.choices.isEmpty {
                try await DiagnosticQueries.replaceAnswers(
                    of: diagnostic.id, questions: [], choices: prefill.choices, now: now, in: sql)
                try await DiagnosticScores.keep(diagnostic.id, questionnaire: services.questionnaire, in: sql)
            }
        }
        var response = redirect(to: .diagnosticStep(diagnostic.id, step: "1"), flash: "diagnostic.started")
        if associationID == nil {
            response.headers[values: .setCookie].append(
                DiagnosticAccess.cookie(id: diagnostic.id, token: token, secure: services.configuration.secureCookies)
                    .description)
        }
        return (response, diagnostic.id, token)
    }

    /// The private link: puts the token back in this browser and goes to the first unanswered page.
    @Sendable static func resume(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        guard token.count <= 64,
            let diagnostic = try await services.database.read({
                try await DiagnosticQueries.find(tokenHash: TokenHash.of(token), in: $0)
            }),
            diagnostic.associationId == nil
        else {
            throw PageError(status: .notFound, messageKey: "diagnostic.resume_invalid")
        }
        let answers = try await services.database.read {
            try await DiagnosticQueries.answers(of: diagnostic.id, in: $0)
        }
        let page = services.questionnaire.firstIncompletePage(answers)
        // A finished diagnostic opens on its report; an unfinished one on its first unanswered page.
        let target: SiteURL =
            diagnostic.completedAt != nil
            ? .diagnosticReport(diagnostic.id) : .diagnosticStep(diagnostic.id, step: String(page + 1))
        var response = redirect(to: target, flash: "diagnostic.resumed")
        response.headers[values: .setCookie].append(
            DiagnosticAccess.cookie(id: diagnostic.id, token: token, secure: services.configuration.secureCookies)
                .description)
        return response
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
            number, answers: answers, access: access, token: number == 1 ? token : nil, error: nil, context: context,
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
        var submitted: [String: [String]] = [:]
        for (name, values) in context.form.values where name.hasPrefix("q.") {
            let options = values.filter { !$0.isEmpty }
            if !options.isEmpty { submitted[String(name.dropFirst(2))] = options }
        }
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
            submitted, allowedQuestions: shown, questionnaire: questionnaire, departements: services.departementCodes)
        {
            context.logger.notice("Réponses refusées pour \(id) : \(problem)")
            let answers = try await services.database.read { try await DiagnosticQueries.answers(of: id, in: $0) }
            return render(
                number, answers: answers, access: access, token: nil,
                error: services.views.text("diagnostic.bad_answers", context), context: context, services: services,
                status: .unprocessableContent)
        }
        let isLast = number == questionnaire.pages.count
        let direction = context.form["direction"] ?? "next"
        let now = services.time.now()
        try await services.database.transaction { [submitted] sql in
            try await DiagnosticQueries.replaceAnswers(
                of: id, questions: page.questionIDs, choices: submitted, now: now, in: sql)
            try await DiagnosticScores.keep(id, questionnaire: questionnaire, in: sql)
            if isLast && direction == "next" { try await DiagnosticQueries.markCompleted(id, now: now, in: sql) }
        }
        switch direction {
        case "back" where number > 1: return redirect(to: .diagnosticStep(id, step: String(number - 1)))
        case "report": return redirect(to: .diagnosticReport(id))
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

    private static func render(
        _ number: Int, answers: Answers, access: DiagnosticAccess, token: String?, error: String?,
        mailValue: String? = nil,
        context: AppRequestContext, services: AppServices, status: HTTPResponse.Status = .ok
    ) -> Response {
        let views = services.views
        let pages = services.questionnaire.pages
        let page = pages[number - 1]
        let id = access.diagnostic.id
        let (heading, kicker, intro): (String, String, String?) =
            switch page {
            case .profile:
                (
                    views.text("diagnostic.profile_heading", context),
                    views.text("diagnostic.context_kicker", context, ["n": "1"]),
                    views.text("diagnostic.profile_intro", context)
                )
            case .tools:
                (
                    views.text("diagnostic.tools_heading", context),
                    views.text("diagnostic.context_kicker", context, ["n": "2"]),
                    views.text("diagnostic.tools_intro", context)
                )
            case .theme(let theme, let n):
                (
                    theme.title,
                    views.text(
                        "diagnostic.theme_kicker", context,
                        ["n": "\(n)", "total": "\(services.questionnaire.themes.count)"]), theme.intro
                )
            }
        let questions = StepContent.questions(
            for: page, in: services.questionnaire, answers: answers, departements: services.departements,
            chooseLabel: views.text("choose_none", context)
        )
        var content = StepContent(
            heading: heading, kicker: kicker, intro: intro, progressValue: number, progressMax: pages.count,
            questions: questions,
            action: SiteURL.diagnosticStep(id, step: String(number)).path, isFirst: number == 1,
            isLast: number == pages.count,
            error: error, resumeLink: token.map { services.absoluteURL(.diagnosticResume(token: $0)) },
            reportLink: SiteURL.diagnosticReport(id).path,
            mailAction: SiteURL.diagnosticMailLink(id).path,
            nothingToAsk: questions.isEmpty ? views.text("diagnostic.tools_nothing_to_ask", context) : nil
        )
        content.mailValue = mailValue
        return views.render(
            "diagnostic-step", title: "diagnostic.step_title", titleValues: ["heading": heading], content: content,
            context: context, status: status)
    }
}
