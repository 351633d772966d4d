import Crypto
import EclairageDomain
import Foundation
import Hummingbird

/// Who may open a diagnostic. While it belongs to nobody: the browser holding its private token (a
/// cookie scoped to the diagnostic's path). Once it belongs to an association: only the association's
/// rules, that is its members and the advisors it lets in, checked on every request; the token no
/// longer opens anything (it is replaced when the diagnostic is attached, and a diagnostic started for
/// an association never hands one out).
struct DiagnosticAccess: Sendable {
    static let cookieName = "eclairage_diag"

    enum Via: Sendable, Equatable {
        case token
        case association(AssociationAccess)
    }

    let diagnostic: Diagnostic
    let via: Via
    let user: User?
    /// The association it belongs to, as the reader reaches it (nil for a diagnostic of nobody's).
    var association: Association? = nil

    var canDelete: Bool {
        switch via {
        case .token: diagnostic.associationId == nil
        case .association(let access): access.isOwner
        }
    }

    /// Members of the attached association keep steps for their action plan.
    var canSaveSteps: Bool {
        if case .association(let access) = via { return access.isMember }
        return false
    }

    static func load(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> DiagnosticAccess
    {
        let id = try context.parameters.require("id")
        let token = request.cookies[cookieName]?.value
        let user = context.identity
        let found: (Diagnostic, Via, Association?)? = try await services.database.read { sql in
            guard let diagnostic = try await DiagnosticQueries.find(id: id, in: sql) else { return nil }
            if let associationID = diagnostic.associationId, let user,
                let reached = try await AssociationQueries.reach(associationID, by: user.id, in: sql)
            {
                return (diagnostic, .association(reached.access), reached.association)
            }
            if diagnostic.associationId == nil, let token, TokenHash.of(token) == diagnostic.tokenHash {
                return (diagnostic, .token, nil)
            }
            return nil
        }
        guard let (diagnostic, via, association) = found else {
            throw PageError(status: .notFound, messageKey: "diagnostic.not_found")
        }
        if case .association(.advisor) = via, let user, let associationID = diagnostic.associationId {
            try await AuthorizedAssociation.logAdvisorRead(
                association: associationID, user: user, what: "diagnostic", services: services)
        }
        return DiagnosticAccess(diagnostic: diagnostic, via: via, user: user, association: association)
    }

    /// The cookie that ends this browser's token access (after attaching).
    static func expiredCookie(id: String, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName, value: "", maxAge: 0, path: SiteURL.diagnostic(id).path, secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// The cookie that lets this browser come back to the diagnostic.
    static func cookie(id: String, token: String, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName, value: token, maxAge: 400 * 24 * 3600, path: SiteURL.diagnostic(id).path, secure: secure,
            httpOnly: true, sameSite: .lax)
    }
}
