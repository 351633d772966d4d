import EclairageDomain
import Hummingbird
import SQLKit

/// A member keeps a recommendation or a next step for the action plan.
enum SavedStepsController {
    struct SavedStep: Codable, Sendable {
        let id: String
        let associationId: String
        let diagnosticId: String?
        let kind: String
        let reference: String
        let title: String
        let createdBy: String?
        let createdAt: Int64
    }

    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [SavedStep] {
        try await sql.select().column("*").from("saved_steps").where("association_id", .equal, SQLBind(associationID))
            .orderBy("created_at").orderBy("title").rows(SavedStep.self)
    }

    /// The title is taken from the content, never from the form: only known references are kept.
    @Sendable static func save(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        guard loaded.access.isMember else { throw PageError.forbidden }
        let kind = context.form["kind"] ?? ""
        let reference = context.form["reference"] ?? ""
        let diagnostic = context.form["diagnostic"].flatMap { $0.isEmpty ? nil : $0 }
        let title: String?
        switch kind {
        case "step": title = services.questionnaire.steps.first { $0.id == reference }?.title
        case "tool":
            let parts = reference.split(separator: ":").map(String.init)
            title = parts.count == 2 ? services.catalogue.need(parts[0]).flatMap { need in
                services.catalogue.tool(parts[1]).map { "\(need.name) : \($0.name)" }
            } : nil
        default: title = nil
        }
        guard let title else { throw PageError(status: .badRequest, messageKey: "saved.unknown") }
        let id = loaded.association.id
        let back = diagnostic.map { SiteURL.diagnosticReport($0) } ?? .association(id)
        try await services.database.transaction { sql in
            let existing = try await sql.select().column("id").from("saved_steps").where("association_id", .equal, SQLBind(id))
                .where("kind", .equal, SQLBind(kind)).where("reference", .equal, SQLBind(reference)).all()
            guard existing.isEmpty else { return }
            // Keep the link to the diagnostic only when it belongs to this association.
            var validDiagnostic: String?
            if let diagnostic, try await DiagnosticQueries.find(id: diagnostic, in: sql)?.associationId == id { validDiagnostic = diagnostic }
            try await sql.insert(into: "saved_steps").row(SavedStep(
                id: Token.identifier(), associationId: id, diagnosticId: validDiagnostic, kind: kind, reference: reference,
                title: title, createdBy: loaded.user.id, createdAt: Clock.now()
            )).run()
        }
        return redirect(to: back, flash: "saved.done")
    }
}
