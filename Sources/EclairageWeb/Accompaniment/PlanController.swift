import EclairageDomain
import Hummingbird

/// The action plan belongs to the association: its members add steps and move them along; an advisor
/// whose body's grant shares the plan reads it (logged) and proposes steps the association accepts or
/// declines.
enum PlanController {
    static func loadPlan(_ context: AppRequestContext, services: AppServices, logging: String?) async throws
        -> AuthorizedAssociation
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services, logging: nil)
        guard loaded.seesPlan else { throw PageError.notFound }
        if loaded.access == .advisor, let logging { try await loaded.logAdvisorRead(logging, services: services) }
        return loaded
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await loadPlan(context, services: services, logging: "plan")
        return try await PlanPage.response(loaded, forms: .init(), context: context, services: services)
    }

    /// A member's step joins the plan; an advisor's waits for the association as a proposal.
    @Sendable static func add(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await loadPlan(context, services: services, logging: nil)
        let body = try context.decodeForm(PlanStepBody.self)
        let offered = try await services.database.read {
            try await PlanQueries.upcomingTrainings(after: services.time.now(), in: $0)
        }
        switch body.form.validate(
            themes: Set(services.questionnaire.themes.map(\.id)), trainings: Set(offered.map(\.id)))
        {
        case .failure(let errors):
            let state = FormState(
                values: body.values, errors: errors,
                order: ["title", "detail", "theme", "training", "owner", "due", "hours", "euros"],
                views: services.views, context: context)
            return try await PlanPage.response(
                loaded, forms: .init(add: state), context: context, services: services, status: .unprocessableContent)
        case .success(let step):
            let now = services.time.now()
            let stepID = services.tokens.identifier()
            let advisor = loaded.access == .advisor
            let row = PlanQueries.Step(
                id: stepID, associationId: loaded.association.id, diagnosticId: nil, kind: "own", reference: stepID,
                title: step.title, createdBy: loaded.user.id, createdAt: now, detail: step.detail,
                ownerName: step.owner, dueOn: step.due?.iso, estimateHours: step.hours, estimateEuros: step.euros,
                proposedBy: advisor ? loaded.grants.first?.supportBodyId : nil, accepted: advisor ? 0 : 1,
                updatedAt: now, theme: step.theme, trainingId: step.training)
            try await services.database.write { try await PlanQueries.insert(row, in: $0) }
            return redirect(
                to: .associationPlan(loaded.association.id), flash: advisor ? "plan.proposed" : "plan.added")
        }
    }
}
