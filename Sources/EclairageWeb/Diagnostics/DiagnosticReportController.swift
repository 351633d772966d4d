import EclairageDomain
import Foundation
import Hummingbird

/// The report, its exports, attaching it to an association, deleting it.
enum DiagnosticReportController {
    @Sendable static func report(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let query = try await DiagnosticReportPage.Query.load(access, userID: context.identity?.id, services: services)
        let token = access.via == .token ? request.cookies[DiagnosticAccess.cookieName]?.value : nil
        // An advisor reads the association's report: it speaks of the association, not to "vous".
        var context = context
        if access.via == .association(.advisor) { context.audience = .advisor }
        let content = try await DiagnosticReportPage.Model.make(
            query, access: access, token: token, context: context, services: services)
        return RenderedPage.render(
            "diagnostic-report", title: "diagnostic.report_title", content: content,
            key: "\(access.diagnostic.id)|\(context.identity?.id ?? "")", context: context, services: services)
    }

    /// Attach to one of my associations: it then no longer expires, and the association's members see it.
    @Sendable static func attach(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let user = try context.requireUser()
        let associationID = try context.decodeForm(AttachForm.self).association
        let id = access.diagnostic.id
        let attached = try await services.database.transaction { sql -> Bool in
            guard access.diagnostic.associationId == nil,
                try await AssociationQueries.access(associationID: associationID, userID: user.id, in: sql)?.isMember
                    == true
            else { return false }
            try await DiagnosticQueries.attach(
                id, to: associationID, revokedTokenHash: TokenHash.of(services.tokens.random()), in: sql)
            try await ObservatoryQueries.attach(diagnostic: id, to: associationID, in: sql)
            return true
        }
        var response = redirect(
            to: .diagnosticReport(id), flash: attached ? "diagnostic.attached" : "diagnostic.attach_refused")
        if attached {
            response.headers[values: .setCookie].append(
                DiagnosticAccess.expiredCookie(id: id, secure: services.configuration.secureCookies).description)
        }
        return response
    }

    /// Asks before deleting: deleting cannot be undone.
    @Sendable static func confirmDelete(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        guard access.canDelete else { throw PageError.forbidden }
        let content = DiagnosticDeletePage.Model(access.diagnostic, language: context.language)
        return services.views.render(
            "diagnostic-delete", title: "diagnostic.delete_title", content: content, context: context)
    }

    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        guard access.canDelete else { throw PageError.forbidden }
        try await services.database.write { try await DiagnosticQueries.delete(access.diagnostic.id, in: $0) }
        return redirect(to: .diagnosticIntro, flash: "diagnostic.deleted")
    }
}
