import EclairageDomain
import Hummingbird

extension PlanController {
    /// A member moves a step along or closes it (abandoning needs the reason); the time spent is added.
    @Sendable static func status(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await loadPlan(context, services: services, logging: nil)
        guard loaded.access.isMember else { throw PageError.forbidden }
        let id = loaded.association.id
        let body = try context.decodeForm(PlanStatusBody.self)
        guard
            var step = try await services.database.read({
                try await PlanQueries.find(id: body.step, association: id, in: $0)
            }),
            step.accepted != 0
        else { return redirect(to: .associationPlan(id), flash: "plan.step_unknown") }
        switch body.form.validate() {
        case .failure(let errors):
            let state = FormState(
                values: ["reason": body.reason, "volunteer": body.volunteer, "advisor": body.advisor], errors: errors,
                order: ["status", "reason", "volunteer", "advisor"], views: services.views, context: context)
            return try await PlanPage.response(
                loaded, forms: .init(status: state, failedStep: step.id), context: context, services: services,
                status: .unprocessableContent)
        case .success(let change):
            let now = services.time.now()
            step.status = change.status.rawValue
            step.closingNote = change.status.isOpen ? "" : change.reason
            step.volunteerMinutes += change.volunteerMinutes
            step.advisorMinutes += change.advisorMinutes
            step.updatedAt = now
            step.remindedAt = nil
            step.closedAt = change.status.isOpen ? nil : (step.closedAt ?? now)
            try await services.database.write { [step] in try await PlanQueries.update(step, in: $0) }
            return redirect(to: .associationPlan(id), flash: "plan.status_changed")
        }
    }

    /// A member accepts an advisor's proposal (it joins the plan) or declines it (it is removed).
    @Sendable static func answer(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await loadPlan(context, services: services, logging: nil)
        guard loaded.access.isMember else { throw PageError.forbidden }
        let id = loaded.association.id
        let body = try context.decodeForm(PlanAnswerBody.self)
        let flash = try await services.database.transaction { sql -> String in
            guard var step = try await PlanQueries.find(id: body.step, association: id, in: sql), step.accepted == 0
            else { return "plan.step_unknown" }
            guard body.answer == "accept" else {
                try await PlanQueries.delete(id: step.id, in: sql)
                return "plan.proposal_declined"
            }
            step.accepted = 1
            step.updatedAt = services.time.now()
            try await PlanQueries.update(step, in: sql)
            return "plan.proposal_accepted"
        }
        return redirect(to: .associationPlan(id), flash: flash)
    }
}
