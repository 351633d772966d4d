import EclairageDomain
import Foundation
import Hummingbird

/// The directory: the list with facets and "près de…", and the map. Both render the same matches; the
/// rendered part is cached on the directory's version, the filters and (for "open now") the minute.
enum DirectoryController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let html = try await cached("directory-results", request: request, context: context, services: services)
        var editor: DirectoryPage.Model.Editor?
        if context.identity?.editor == true {
            editor = .init(
                pending: try await services.database.read { try await DirectoryQueries.pendingCount(in: $0) })
        }
        return services.views.render(
            "directory", title: "directory.title", content: DirectoryPage.Model(html: html, editor: editor),
            context: context)
    }

    @Sendable static func map(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let html = try await cached("directory-map-results", request: request, context: context, services: services)
        let configuration = services.configuration
        let query = request.uri.query.map { "?" + $0 } ?? ""
        let dynamic = configuration.mapTilesURL.map {
            DirectoryMapPage.Model.Dynamic(
                geojson: SiteURL.directoryGeoJSON.path + query, tiles: $0, attribution: configuration.mapAttribution)
        }
        return services.views.render(
            "directory-map", title: "directory.map_title",
            content: DirectoryMapPage.Model(html: html, dynamic: dynamic),
            context: context)
    }

    static func cached(_ template: String, request: Request, context: AppRequestContext, services: AppServices)
        async throws -> String
    {
        let directory = services.directory
        let index = try await directory.current(services.database)
        let asked = DirectoryRequest(request, directory: directory, index: index)
        let clock = DirectoryClock(services.time.now())
        let minute = asked.filter.openNow ? "|\(clock.day.number):\(clock.minute)" : "|\(clock.day.number)"
        let key = "\(template)|\(index.version)|\(context.language.rawValue)|\(asked.key)\(minute)"
        if let html = directory.renderCache.value(for: key) { return html }
        let content = DirectoryResultsPage.Model(
            asked, index: index, clock: clock, template: template, services: services, context: context)
        let html = services.views.fragment(template, content: content, language: context.language)
        directory.renderCache.store(html, for: key)
        return html
    }
}
