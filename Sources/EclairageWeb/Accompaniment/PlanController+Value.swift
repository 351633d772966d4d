import EclairageDomain
import Hummingbird

extension PlanController {
    /// An owner sets (or clears) the hourly rate the volunteers' time is valued at, and its rule.
    @Sendable static func value(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await loadPlan(context, services: services, logging: nil)
        try loaded.requireOwner()
        let body = try context.decodeForm(VolunteerRateBody.self)
        switch VolunteerRateForm(rate: body.rate, rule: body.rule).validate() {
        case .failure(let errors):
            let state = FormState(
                values: ["rate": body.rate, "rule": body.rule], errors: errors, order: ["rate", "rule"],
                views: services.views, context: context)
            return try await PlanPage.response(
                loaded, forms: .init(value: state), context: context, services: services, status: .unprocessableContent)
        case .success(let value):
            let id = loaded.association.id
            try await services.database.write { try await PlanQueries.setVolunteerValue(value, of: id, in: $0) }
            return redirect(to: .associationPlan(id), flash: value == nil ? "volunteer.cleared" : "volunteer.saved")
        }
    }
}
