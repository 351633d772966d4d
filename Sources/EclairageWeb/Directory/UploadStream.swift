import Foundation
import Hummingbird
import MultipartKit

/// Reads a multipart form as it arrives: small fields are kept (the anti-forgery token comes first),
/// the file part goes straight to a file on disk, so a 50 MB upload never sits in memory. The file is
/// written with Hummingbird's `FileIO` (NIO's file system), never by blocking calls on the server's
/// cooperative threads.
struct UploadStream {
    static let fileIO = FileIO()

    enum Failure: Error { case malformed, csrf, tooLarge, noFile }

    struct Received {
        let file: URL
        let fileName: String
        let fields: [String: String]
    }

    /// Streams `request`'s body; the file part named `fileField` is written to `destination`.
    static func receive(
        _ request: Request, context: AppRequestContext, fileField: String, destination: URL, maxBytes: Int,
        expectedCSRF: String, fieldLimit: Int = maxFieldBytes, fileRequired: Bool = true
    ) async throws -> Received {
        guard let type = request.headers[.contentType], let boundary = Self.boundary(type) else {
            throw Failure.malformed
        }
        let state = State()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            state.partName = Self.parameter("name", in: value) ?? ""
            state.partFile = Self.parameter("filename", in: value)
            state.value = []
        }
        parser.onBody = { buffer in
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            if state.partName == fileField {
                guard state.csrfChecked else {
                    state.failure = .csrf
                    return
                }
                state.written += bytes.count
                if state.written > maxBytes {
                    state.failure = .tooLarge
                    return
                }
                state.pending += bytes
            } else {
                // The other parts are small fields (the token, a choice): bounded each and in all, so
                // that a body of fields cannot fill memory or pass for an upload.
                state.fieldBytes += bytes.count
                state.value += bytes
                if state.value.count > fieldLimit || state.fieldBytes > Self.maxFieldsBytes {
                    state.failure = .tooLarge
                }
            }
        }
        parser.onPartComplete = {
            state.parts += 1
            if state.parts > Self.maxParts { state.failure = .tooLarge }
            if state.partName == fileField {
                state.fileName = state.partFile ?? ""
            } else {
                let value = String(decoding: state.value, as: UTF8.self)
                state.fields[state.partName] = value
                if state.partName == CSRFMiddleware.fieldName {
                    state.csrfChecked = CSRFMiddleware.constantTimeEqual(expectedCSRF, value)
                }
            }
            state.partName = ""
        }
        // Each buffer of the body is parsed; what it held of the file goes on to the file.
        let reading = Reading(parser: parser, state: state)
        let fileBytes = request.body.map { buffer -> ByteBuffer in
            do { try reading.parser.execute(buffer) } catch {
                reading.state.failure = .malformed
                throw Failure.malformed
            }
            if let failure = reading.state.failure { throw failure }
            let bytes = ByteBuffer(bytes: reading.state.pending)
            reading.state.pending.removeAll(keepingCapacity: true)
            return bytes
        }
        do {
            try await fileIO.writeFile(contents: fileBytes, path: destination.path, context: context)
        } catch {
            // The file system hands back its own error for what stopped the body: the reason is ours.
            if let failure = state.failure { throw failure }
            throw error
        }
        guard state.csrfChecked else { throw Failure.csrf }
        guard state.written > 0 || !fileRequired else { throw Failure.noFile }
        return Received(file: destination, fileName: state.fileName, fields: state.fields)
    }

    /// The parser and what it found: used by the body's buffers one after the other, never at once.
    final class Reading: @unchecked Sendable {
        let parser: MultipartParser
        let state: State

        init(parser: MultipartParser, state: State) {
            self.parser = parser
            self.state = state
        }
    }

    final class State {
        var partName = ""
        var partFile: String?
        var value: [UInt8] = []
        var fields: [String: String] = [:]
        var csrfChecked = false
        var written = 0
        var fieldBytes = 0
        var parts = 0
        var pending: [UInt8] = []
        var fileName = ""
        var failure: Failure?
    }

    static let maxFieldBytes = 1024
    static let maxFieldsBytes = 16 * 1024
    static let maxParts = 20

    static func boundary(_ contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// `name="value"` or `name=value` in a header such as Content-Disposition.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(name + "=") else { continue }
            var value = String(pair.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}
