import EclairageDomain
import Hummingbird

/// Starting a diagnostic, anonymous or for an association. Answering page by page is in
/// `DiagnosticFlowController+Steps.swift`, resuming by the private link in `+Resume.swift`.
enum DiagnosticFlowController {
    @Sendable static func intro(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        services.views.render(
            "diagnostic-intro", title: "diagnostic.intro_title",
            content: DiagnosticIntroPage.Model(context: context, services: services), context: context)
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
        let (id, token) = try await NewDiagnostic.create(
            associationID: nil, userID: context.identity?.id, expiresIn: Int64(days) * 24 * 3600, services: services)
        let secure = services.configuration.secureCookies
        var response = redirect(to: .diagnosticStep(id, step: "1"), flash: "diagnostic.started")
        response.headers[values: .setCookie].append(
            DiagnosticAccess.cookie(id: id, token: token, secure: secure).description)
        response.headers[values: .setCookie].append(
            DeviceDiagnostics.cookie(
                adding: .init(id: id, token: token), to: request, retentionDays: days, secure: secure
            ).description)
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
        let (id, _) = try await NewDiagnostic.create(
            associationID: associationID, userID: loaded.user.id, expiresIn: nil, prefill: prefill, services: services)
        return redirect(to: .diagnosticStep(id, step: "1"), flash: "diagnostic.started")
    }
}
