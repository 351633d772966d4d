import EclairageDomain
import Foundation
import Hummingbird

/// Exports of exactly what the list shows (same filters): the national schema's CSV (places offering
/// at least one of the schema's services, 32 columns in the schema's order), a data·inclusion-shaped
/// JSON of structures and services, and GeoJSON. Cached on the directory's version and the filters.
enum DirectoryExportController {
    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let separator = Download.csvSeparator(request)
        let text = try await export("csv\(separator)", request: request, services: services) { matches in
            var lines = [CSVWriter.line(Place.schemaColumns, separator: separator)]
            for match in matches where !match.entry.place.services.isEmpty {
                lines.append(CSVWriter.line(match.entry.place.schemaRow(), separator: separator))
            }
            return lines.joined()
        }
        return Download.csv(text, name: "lieux-mediation-numerique.csv")
    }

    @Sendable static func json(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let base = services.configuration.baseURL
        let text = try await export("json", request: request, services: services) { matches in
            let document = DataInclusionDocument(matches.map(\.entry), baseURL: base)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
        }
        return Download.file(ByteBuffer(string: text), type: "application/json; charset=utf-8", name: "annuaire.json")
    }

    @Sendable static func geojson(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let base = services.configuration.baseURL
        let text = try await export("geojson", request: request, services: services) { matches in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(
                decoding: (try? encoder.encode(GeoJSON(matches.map(\.entry), baseURL: base))) ?? Data(), as: UTF8.self)
        }
        return Download.file(
            ByteBuffer(string: text), type: "application/geo+json; charset=utf-8", name: "annuaire.geojson")
    }

    static func export(
        _ kind: String, request: Request, services: AppServices, make: @Sendable ([DirectoryIndex.Match]) -> String
    ) async throws -> String {
        let directory = services.directory
        let index = try await directory.current(services.database)
        let asked = DirectoryRequest(request, directory: directory, index: index)
        let clock = DirectoryClock(services.time.now())
        let key =
            "export-\(kind)|\(index.version)|\(asked.key)|\(asked.filter.openNow ? "\(clock.day.number):\(clock.minute)" : "")"
        if let text = directory.exportCache.value(for: key) { return text }
        let text = make(index.search(asked.filter, day: clock.day, minute: clock.minute))
        directory.exportCache.store(text, for: key)
        return text
    }
}
