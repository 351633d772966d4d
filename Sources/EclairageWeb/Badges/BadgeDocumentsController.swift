import EclairageDomain
import Foundation
import Hummingbird

/// What anyone reads, with no account: the issuer, the badge class and the assertion as JSON-LD at
/// their own addresses (a revoked assertion answers 410 with its reason), the pictures, the baked
/// badge, and a page per award for people.
enum BadgeDocumentsController {
    static func jsonLD(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = OpenBadges.mediaType
        // Verifiers (backpacks, validators) read these from other sites.
        headers[.accessControlAllowOrigin] = "*"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenBadges.json(value))))
    }

    static func picture(_ bytes: [UInt8], kind: BadgeImage.Kind, name: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = kind.mediaType
        headers[.accessControlAllowOrigin] = "*"
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func issuerRow(_ context: AppRequestContext, services: AppServices) async throws -> BadgeIssuerRow {
        let id = try context.parameters.require("id")
        guard let row = try await services.database.read({ try await BadgeQueries.issuer(id, in: $0) }) else {
            throw PageError.notFound
        }
        return row
    }

    static func classRow(_ id: String, services: AppServices) async throws -> BadgeClassRow {
        guard let row = try await services.database.read({ try await BadgeQueries.badgeClass(id, in: $0) }) else {
            throw PageError.notFound
        }
        return row
    }

    static func awardRow(_ id: String, services: AppServices) async throws -> BadgeAwardRow {
        guard let row = try await services.database.read({ try await BadgeQueries.award(id, in: $0) }) else {
            throw PageError.notFound
        }
        return row
    }

    @Sendable static func issuer(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        jsonLD(BadgeDocuments.profile(try await issuerRow(context, services: services), services: services))
    }

    @Sendable static func issuerImage(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let row = try await issuerRow(context, services: services)
        guard let image = StoredBadgeImage(base64: row.image, kind: row.imageKind) else { throw PageError.notFound }
        return picture(image.bytes, kind: image.kind)
    }

    @Sendable static func badgeClass(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let row = try await classRow(try context.parameters.require("id"), services: services)
        return jsonLD(BadgeDocuments.badgeClass(row, services: services))
    }

    @Sendable static func classImage(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let row = try await classRow(try context.parameters.require("id"), services: services)
        guard let image = StoredBadgeImage(base64: row.image, kind: row.imageKind) else { throw PageError.notFound }
        return picture(image.bytes, kind: image.kind)
    }

    /// The assertion; revoked, 410 Gone with `revoked` and the reason (Open Badges 2.0 hosted verification).
    @Sendable static func assertion(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let award = try await awardRow(try context.parameters.require("id"), services: services)
        if let reason = award.revocationReason, award.revokedAt != nil {
            return jsonLD(
                OpenBadges.Revoked(id: services.absoluteURL(.badgeAssertion(award.id)), revocationReason: reason),
                status: .gone)
        }
        return jsonLD(BadgeDocuments.assertion(award, services: services))
    }

    /// The class's picture with the assertion baked in, to download (none once revoked: 410).
    @Sendable static func baked(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let award = try await awardRow(try context.parameters.require("id"), services: services)
        guard award.revokedAt == nil else { throw PageError(status: .gone, messageKey: "badges.revoked_text") }
        let row = try await classRow(award.badgeClassId, services: services)
        guard let image = StoredBadgeImage(base64: row.image, kind: row.imageKind),
            let baked = BadgeDocuments.baked(award, image: image, services: services)
        else { throw PageError.notFound }
        return picture(baked, kind: image.kind, name: "badge-\(award.id).\(image.kind.rawValue)")
    }

    /// The award's page for people: what the badge says, who gave it, how to check it; `?adresse=` tells
    /// whether an address is the one it was awarded to (by the same hash a verifier computes).
    @Sendable static func page(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let award = try await awardRow(try context.parameters.require("id"), services: services)
        let row = try await classRow(award.badgeClassId, services: services)
        guard
            let issuer = try await services.database.read({ try await BadgeQueries.issuer(row.supportBodyId, in: $0) })
        else { throw PageError.notFound }
        let checked = request.uri.queryParameters.get("adresse").map { String($0) }
        let model = BadgePage.Model.make(
            award: award, badgeClass: row, issuer: issuer, checked: checked, context: context, services: services)
        return services.views.render(
            "badge", title: "badges.award_title", titleValues: ["name": row.name], content: model, context: context,
            status: award.revokedAt == nil ? .ok : .gone)
    }
}
