import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// What time a cached public page shows: none, or the minute ("open now", sessions to come).
enum PageTime: Sendable {
    case none, minute
}

/// Serves a public page whole from `PageCache` to anonymous visitors. The key is exactly what the
/// page depends on: the path and query, the language, every area's version (read together, one
/// small query) and, for a page that shows time, the minute. Signed-in visitors, pages carrying a
/// one-shot message and anything but a 200 without cookies go through the controller as before.
/// The anonymous form token is spliced into the cached bytes; a page without a form is compressed
/// once (gzip) for the clients that accept it.
enum CachedPage {
    typealias Handler = @Sendable (Request, AppRequestContext, AppServices) async throws -> Response

    static func serve(
        _ request: Request, context: AppRequestContext, services: AppServices, time: PageTime, handler: Handler
    ) async throws -> Response {
        let cache = services.pageCache
        guard cache.limit > 0, request.method == .get, context.identity == nil, context.flash == nil else {
            return try await handler(request, context, services)
        }
        let versions = try await DataVersions.read(services.database)
        var key = "\(context.language.rawValue)|\(versions.key)|\(request.uri.path)?\(request.uri.query ?? "")"
        if time == .minute { key += "|\(services.time.now() / 60)" }
        var own: Response?
        var rendering = context
        rendering.keepsFormSlots = true
        let entry = try await cache.entry(for: key) {
            let response = try await handler(request, rendering, services)
            guard response.status == .ok, response.headers[values: .setCookie].isEmpty else {
                own = try await Self.filled(response, context: context)
                return nil
            }
            return try await PageCache.Entry(response)
        }
        if let own { return own }
        guard let entry else { return try await handler(request, context, services) }
        return try respond(entry, key: key, request: request, context: context, cache: cache)
    }

    static func respond(
        _ entry: PageCache.Entry, key: String, request: Request, context: AppRequestContext, cache: PageCache
    ) throws -> Response {
        var headers = entry.headers
        // The length is the body's being sent (gzip or not), set by the server from it.
        headers[.contentLength] = nil
        var body = entry.body
        if !entry.formSlots.isEmpty {
            // A page with a secret is never compressed.
            fill(&body, slots: entry.formSlots, context: context)
        } else if entry.body.readableBytes >= 1024 {
            headers[.vary] = "Accept-Encoding"
            if Self.acceptsGzip(request.headers[.acceptEncoding]) {
                body = try cache.gzipped(entry, for: key)
                headers[.contentEncoding] = "gzip"
            }
        }
        return Response(status: entry.status, headers: headers, body: .init(byteBuffer: body))
    }

    /// A response not kept, with the visitor's token in its slots.
    static func filled(_ response: Response, context: AppRequestContext) async throws -> Response {
        let entry = try await PageCache.Entry(response)
        var body = entry.body
        fill(&body, slots: entry.formSlots, context: context)
        return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: body))
    }

    /// The visitor's token in place of each slot (the same length, so the offsets hold).
    static func fill(_ body: inout ByteBuffer, slots: [Int], context: AppRequestContext) {
        guard !slots.isEmpty else { return }
        let token = context.formTokenForPage()
        for offset in slots { body.setString(token, at: body.readerIndex + offset) }
    }

    /// Whether `Accept-Encoding` lists gzip without refusing it (`q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.first == "gzip" else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
        return false
    }

    /// The offset of the next `needle` in `bytes` from `start`.
    /// Every place `needle` starts in `body`, in order; after each, the search goes on `overlap` bytes
    /// before its end (a pattern that ends with the line break the next one starts with).
    static func offsets(of needle: [UInt8], in body: ByteBuffer, overlap: Int = 0) -> [Int] {
        var found: [Int] = []
        var from = 0
        while let next = find(needle, in: body.readableBytesView, from: from) {
            found.append(next)
            from = next + needle.count - overlap
        }
        return found
    }

    static func find(_ needle: [UInt8], in bytes: ByteBufferView, from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = bytes.startIndex + start
        let last = bytes.endIndex - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) {
                return index - bytes.startIndex
            }
            index += 1
        }
        return nil
    }
}

extension PageCache.Entry {
    /// The response read whole, with where its form token slots are.
    init(_ response: Response) async throws {
        let sink = BodySink()
        try await response.body.write(BodySink.Writer(sink: sink))
        let body = sink.buffer.withLockedValue { $0 }
        self.init(
            status: response.status, headers: response.headers, body: body, formSlots: Self.formSlots(in: body),
            gzipped: nil)
    }

    /// Where `FormToken.slot` is in `body`.
    static func formSlots(in body: ByteBuffer) -> [Int] {
        CachedPage.offsets(of: Array(FormToken.slot.utf8), in: body)
    }
}

/// Collects a response's body (what the server would have sent) into one buffer.
final class BodySink: Sendable {
    let buffer = NIOLockedValueBox(ByteBuffer())

    struct Writer: ResponseBodyWriter {
        let sink: BodySink
        mutating func write(_ buffer: ByteBuffer) async throws {
            sink.buffer.withLockedValue { _ = $0.writeImmutableBuffer(buffer) }
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
