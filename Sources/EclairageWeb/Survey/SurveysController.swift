import EclairageDomain
import Hummingbird

/// The network's surveys (the administrator and editors): the list with each link to send, and
/// opening or closing a survey written in the form now rather than on its days.
enum SurveysController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let (surveys, counts) = try await services.database.read { sql in
            (try await SurveyQueries.all(in: sql), try await SurveyQueries.responseCounts(in: sql))
        }
        let model = SurveyListPage.Model.make(surveys, counts: counts, context: context, services: services)
        return services.views.render("surveys", title: "survey.list_title", content: model, context: context)
    }

    /// `action=open` opens an upcoming survey now; `action=close` closes an open one now.
    @Sendable static func state(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        let form = try context.decodeForm(SurveyStateForm.self)
        let now = services.time.now()
        let flash = try await services.database.transaction { sql -> String? in
            guard let survey = try await SurveyQueries.find(id: id, in: sql) else { return nil }
            let state = survey.state(at: now)
            switch (form.action, state, survey.source) {
            case ("open", .upcoming, nil):
                try await SurveyQueries.update(
                    id: id, definition: survey.definition, opensAt: now, closesAt: survey.closesAt, now: now, in: sql)
                return "survey.opened"
            case ("close", .open, nil):
                try await SurveyQueries.update(
                    id: id, definition: survey.definition, opensAt: survey.opensAt, closesAt: now, now: now, in: sql)
                return "survey.closed_now"
            default:
                return "survey.error.state"
            }
        }
        guard let flash else { throw PageError.notFound }
        return redirect(to: .surveys, flash: flash)
    }
}
