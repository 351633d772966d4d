import EclairageDomain
import Foundation
import Hummingbird

/// A support body's activity report, for its advisors only: a period chosen among months, quarters
/// and years (`?periode=2026-T4`; the current year when none), as a page and as CSV.
enum ActivityController {
    static func load(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> (
        ActivityPage.Query, ReportPeriod, Day
    ) {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let today = DateFormatting.parisDay(services.time.now())
        let asked = request.queryFields.get("periode") ?? ""
        guard let period = asked.isEmpty ? ReportPeriod("\(today.civil.0)") : ReportPeriod(asked) else {
            throw PageError(status: .badRequest, messageKey: "body_activity.period_invalid")
        }
        guard
            let query = try await ActivityPage.Query.load(
                body: id, advisor: user.id, period: period, services: services)
        else { throw PageError.notFound }
        return (query, period, today)
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (query, period, today) = try await load(request, context: context, services: services)
        let model = ActivityPage.Model.make(query, period: period, today: today, context: context, services: services)
        return services.views.render(
            "body-activity", title: "body_activity.title", titleValues: ["name": query.body.name], content: model,
            context: context)
    }

    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (query, period, _) = try await load(request, context: context, services: services)
        let rows = ActivityPage.Model.rows(query.activity, context: context, services: services)
        let separator = Download.csvSeparator(request)
        let text =
            ([[services.views.text("body_activity.csv_indicator", context), period.text]]
            + rows.map {
                [$0.label, $0.value]
            }).map { CSVWriter.line($0, separator: separator) }.joined()
        return Download.csv(text, name: "bilan-\(period.text).csv")
    }
}
