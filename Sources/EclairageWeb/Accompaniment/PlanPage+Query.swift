import Hummingbird

/// The plan's steps and the names of the bodies that proposed some, and the page.
extension PlanPage {
    static func response(
        _ loaded: AuthorizedAssociation, forms: Model.Forms, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let id = loaded.association.id
        let now = services.time.now()
        let (steps, bodies, value, trainings) = try await services.database.read { sql in
            let steps = try await PlanQueries.all(of: id, in: sql)
            return (
                steps, try await SupportBodyQueries.all(in: sql), try await PlanQueries.volunteerValue(of: id, in: sql),
                Model.Trainings(
                    offered: try await PlanQueries.upcomingTrainings(after: now, in: sql),
                    linked: try await PlanQueries.trainings(steps.compactMap(\.trainingId), in: sql))
            )
        }
        let model = Model.make(
            steps, bodyNames: Dictionary(bodies.map { ($0.id, $0.name) }) { first, _ in first }, value: value,
            trainings: trainings, loaded: loaded,
            forms: forms, today: DateFormatting.parisDay(services.time.now()), context: context, services: services)
        return services.views.render(
            "plan", title: "plan.title", titleValues: ["name": loaded.association.name], content: model,
            context: context, status: status)
    }
}
