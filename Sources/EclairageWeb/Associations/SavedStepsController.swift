import EclairageDomain
import Hummingbird

/// A member keeps a recommendation or a next step for the action plan.
enum SavedStepsController {
    /// The title is taken from the content, never from the form: only known references are kept.
    @Sendable static func save(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        guard loaded.access.isMember else { throw PageError.forbidden }
        let form = try context.decodeForm(SavedStepForm.self)
        let kind = form.kind
        let reference = form.reference
        let diagnostic = form.diagnostic.isEmpty ? nil : form.diagnostic
        let title: String?
        switch kind {
        case "step": title = services.questionnaire.steps.first { $0.id == reference }?.title
        case "tool":
            let parts = reference.split(separator: ":").map(String.init)
            title =
                parts.count == 2
                ? services.catalogue.need(parts[0]).flatMap { need in
                    services.catalogue.tool(parts[1]).map { "\(need.name) : \($0.name)" }
                } : nil
        case "inventory":
            // An inventory alert, worded as the inventory shows it today.
            let id = loaded.association.id
            let assets = try await services.database.read { try await InventoryQueries.all(of: id, in: $0) }.map(
                \.asset)
            title = InventoryAlerts.of(assets, today: DateFormatting.parisDay(services.time.now())).first {
                $0.reference == reference
            }
            .map { $0.text(views: services.views, context: context) }
        default: title = nil
        }
        guard let title else { throw PageError(status: .badRequest, messageKey: "saved.unknown") }
        let id = loaded.association.id
        let back =
            diagnostic.map { SiteURL.diagnosticReport($0) } ?? (kind == "inventory" ? .inventory(id) : .association(id))
        try await services.database.transaction { sql in
            guard try await !PlanQueries.exists(associationID: id, kind: kind, reference: reference, in: sql)
            else { return }
            // Keep the link to the diagnostic only when it belongs to this association.
            var validDiagnostic: String?
            if let diagnostic, try await DiagnosticQueries.find(id: diagnostic, in: sql)?.associationId == id {
                validDiagnostic = diagnostic
            }
            try await PlanQueries.insert(
                .init(
                    id: services.tokens.identifier(), associationId: id, diagnosticId: validDiagnostic, kind: kind,
                    reference: reference,
                    title: title, createdBy: loaded.user.id, createdAt: services.time.now(),
                    updatedAt: services.time.now(),
                    theme: kind == "step" ? services.questionnaire.steps.first { $0.id == reference }?.theme : nil
                ), in: sql)
        }
        return redirect(to: back, flash: "saved.done")
    }
}
