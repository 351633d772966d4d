import Foundation
import Hummingbird

/// Leaflet from Debian's `libjs-leaflet` (read from `LEAFLET_PATH`) and the map script, served by the
/// site itself so that no page loads anything from a CDN. Only the files Leaflet needs are served; they
/// are read with Hummingbird's `FileIO` (NIO's file system on its thread pool), never by a blocking read
/// on the server's cooperative threads.
enum MapAssets {
    static let fileIO = FileIO()

    static let files: [String: String] = [
        "leaflet.js": "application/javascript; charset=utf-8", "leaflet.css": "text/css; charset=utf-8",
        "marker-icon.png": "image/png", "marker-icon-2x.png": "image/png", "marker-shadow.png": "image/png",
        "layers.png": "image/png", "layers-2x.png": "image/png",
    ]

    @Sendable static func leaflet(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let name = try context.parameters.require("file")
        guard services.configuration.mapTilesURL != nil, let type = files[name] else { throw PageError.notFound }
        let folder = URL(fileURLWithPath: services.configuration.leafletPath)
        let file =
            name.hasSuffix(".png")
            ? folder.appendingPathComponent("images").appendingPathComponent(name) : folder.appendingPathComponent(name)
        let body: ResponseBody
        do {
            body = try await fileIO.loadFile(path: file.path, context: context)
        } catch {
            throw PageError.notFound
        }
        return Response(status: .ok, headers: headers(type: type), body: body)
    }

    @Sendable static func script(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        response(services.views.mapScript, type: "application/javascript; charset=utf-8")
    }

    static func response(_ body: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: headers(type: type), body: .init(byteBuffer: body))
    }

    static func headers(type: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=86400"
        return headers
    }
}
