import EclairageDomain
import Foundation
import Hummingbird

/// Who manages a body's badges: its advisors, once the body is vetted. Anyone else is answered as if
/// the body, the class or the award did not exist (404); an advisor of a body not yet vetted is told
/// why (403).
enum BadgeAccess {
    static func body(_ id: String, context: AppRequestContext, services: AppServices) async throws -> SupportBody {
        let user = try context.requireUser()
        let body = try await services.database.read { sql -> SupportBody? in
            guard try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: sql) else { return nil }
            return try await SupportBodyQueries.find(id: id, in: sql)
        }
        guard let body else { throw PageError.notFound }
        guard body.isVetted else { throw PageError(status: .forbidden, messageKey: "badges.not_vetted") }
        return body
    }

    static func badgeClass(_ id: String, context: AppRequestContext, services: AppServices) async throws
        -> (SupportBody, BadgeClassRow)
    {
        _ = try context.requireUser()
        guard let row = try await services.database.read({ try await BadgeQueries.badgeClass(id, in: $0) }) else {
            throw PageError.notFound
        }
        return (try await body(row.supportBodyId, context: context, services: services), row)
    }

    static func award(_ id: String, context: AppRequestContext, services: AppServices) async throws
        -> (SupportBody, BadgeClassRow, BadgeAwardRow)
    {
        _ = try context.requireUser()
        guard let award = try await services.database.read({ try await BadgeQueries.award(id, in: $0) }) else {
            throw PageError.notFound
        }
        let (body, row) = try await badgeClass(award.badgeClassId, context: context, services: services)
        return (body, row, award)
    }
}

/// The two badge forms that carry a picture: `/structures/{id}/badges/emetteur` and `…/classes`.
enum BadgeUpload {
    static func accepts(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 4 && parts[0] == "structures" && parts[2] == "badges"
            && (parts[3] == "emetteur" || parts[3] == "classes")
    }

    struct Received {
        let fields: [String: String]
        /// The file's bytes; empty when none was chosen.
        let bytes: [UInt8]
    }

    enum Failure: Error { case tooLarge, malformed }

    /// Reads the form: its fields and the file field `image` (at most a little more than a badge's
    /// limit is read, so a larger file is known too large without being kept).
    static func receive(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Received
    {
        guard let expected = context.uploadCSRF else { throw PageError.csrf }
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eclairage-badge-\(services.tokens.identifier())")
        defer { try? FileManager.default.removeItem(at: destination) }
        let received: UploadStream.Received
        do {
            received = try await UploadStream.receive(
                request, context: context, fileField: "image", destination: destination,
                maxBytes: BadgeImage.maxBytes + 1, expectedCSRF: expected, fieldLimit: 8 * 1024, fileRequired: false)
        } catch UploadStream.Failure.csrf {
            throw PageError.csrf
        } catch UploadStream.Failure.tooLarge {
            throw Failure.tooLarge
        } catch {
            throw Failure.malformed
        }
        let bytes = (try? [UInt8](Data(contentsOf: destination))) ?? []
        return Received(fields: received.fields, bytes: bytes)
    }
}
