import EclairageDomain
import Hummingbird

/// The private resume link of an anonymous diagnostic: opening it, and mailing it from the first page.
extension DiagnosticFlowController {
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
        let answers = try await savedAnswers(of: diagnostic.id, services: services)
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
            let answers = try await savedAnswers(of: id, services: services)
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
}
