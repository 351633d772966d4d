import EclairageDomain
import Hummingbird

/// The observatory: figures per territory (whole instance, région, département) and period (year,
/// quarter, month), read from the cells the job works out; as a page, printable, and as CSV. The
/// network and vetted support bodies read every territory; others the ones the network made public.
enum ObservatoryController {
    @Sendable static func index(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let asked = request.queryFields
        if let territory = asked.get("territoire"), let period = asked.get("periode") {
            let (place, span) = try parse(territory, period, services: services)
            return redirect(to: .observatoryPage(place.slug, span.slug))
        }
        let network = try await ObservatoryPage.isNetwork(context: context, services: services)
        let (years, published) = try await services.database.read {
            (try await ObservatoryCubeQueries.years(in: $0), try await ObservatoryCubeQueries.published(in: $0))
        }
        let model = ObservatoryIndexPage.Model.make(
            years: years.map(\.year), published: published, network: network, context: context, services: services)
        return services.views.render("observatory-index", title: "observatory.title", content: model, context: context)
    }

    /// The territory and period an address names, or a clear refusal.
    static func parse(_ territory: String, _ period: String, services: AppServices) throws -> (
        Territory, ObservatoryPeriod
    ) {
        guard let place = Territory(slug: territory), services.observatoryTerritories.knows(place) else {
            throw PageError(status: .notFound, messageKey: "observatory.unknown_territory")
        }
        guard let span = ObservatoryPeriod(slug: period) else {
            throw PageError(status: .badRequest, messageKey: "observatory.unknown_period")
        }
        return (place, span)
    }

    static func load(context: AppRequestContext, services: AppServices) async throws -> (ObservatoryPage.Query, Bool) {
        let (territory, period) = try parse(
            try context.parameters.require("territory"), try context.parameters.require("period"), services: services)
        let network = try await ObservatoryPage.isNetwork(context: context, services: services)
        guard try await ObservatoryPage.mayRead(territory, context: context, services: services) else {
            throw PageError(status: .forbidden, messageKey: "observatory.not_public")
        }
        let children = services.observatoryTerritories.children(of: territory)
        let query = try await services.database.read {
            try await ObservatoryPage.Query.load(territory, period, children: children, in: $0)
        }
        return (query, network)
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (query, network) = try await load(context: context, services: services)
        let model = ObservatoryPage.Model.make(query, network: network, context: context, services: services)
        return services.views.render(
            "observatory", title: "observatory.page_title",
            titleValues: ["territory": model.territoryName, "period": model.periodLabel], content: model,
            context: context)
    }

    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (query, network) = try await load(context: context, services: services)
        let model = ObservatoryPage.Model.make(query, network: network, context: context, services: services)
        let separator = Download.csvSeparator(request)
        let lines = model.csvLines(context: context, services: services)
        return Download.csv(
            lines.map { CSVWriter.line($0, separator: separator) }.joined(),
            name: "observatoire-\(query.territory.slug)-\(query.period.slug).csv")
    }

    @Sendable static func publish(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        guard let territory = Territory(slug: try context.parameters.require("territory")),
            services.observatoryTerritories.knows(territory)
        else { throw PageError(status: .notFound, messageKey: "observatory.unknown_territory") }
        let form = try context.decodeForm(ObservatoryPublicationForm.self)
        guard form.publish == "1" || form.publish == "0" else { throw PageError.malformedBody }
        let now = services.time.now()
        try await services.database.transaction { sql in
            if form.publish == "1" {
                try await ObservatoryCubeQueries.publish(territory: territory.slug, by: user.id, now: now, in: sql)
            } else {
                try await ObservatoryCubeQueries.withdraw(territory: territory.slug, in: sql)
            }
        }
        let year = ParisTime(unixTime: now).year
        return redirect(
            to: .observatoryPage(territory.slug, "\(year)"),
            flash: form.publish == "1" ? "observatory.published" : "observatory.withdrawn")
    }
}
