import EclairageDomain
import Hummingbird

/// A survey's results, for the network and for advisors of vetted support bodies: the protected
/// figures as a page (printable) and as CSV; the free texts on the page, for the network only.
enum SurveyResultsController {
    static func load(context: AppRequestContext, services: AppServices) async throws -> (
        SurveyResultsPage.Query, SurveyReader
    ) {
        let reader = try await SurveyReader.of(context, services: services)
        let id = try context.parameters.require("id")
        guard let query = try await SurveyResultsPage.Query.load(id: id, reader: reader, services: services) else {
            throw PageError.notFound
        }
        return (query, reader)
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (query, reader) = try await load(context: context, services: services)
        let model = SurveyResultsPage.Model.make(query, reader: reader, context: context, services: services)
        return services.views.render(
            "survey-results", title: "survey.results_title", titleValues: ["title": model.title], content: model,
            context: context)
    }

    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (query, _) = try await load(context: context, services: services)
        let separator = Download.csvSeparator(request)
        let text = SurveyResultsPage.Model.csv(query, context: context, services: services).map {
            CSVWriter.line($0, separator: separator)
        }.joined()
        return Download.csv(text, name: "enquete-resultats.csv")
    }
}
