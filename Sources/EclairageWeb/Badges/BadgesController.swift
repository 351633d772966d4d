import EclairageDomain
import Foundation
import Hummingbird

/// A body's badges page and its two forms with a picture: the issuer's profile, a new badge class.
enum BadgesController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let body = try await BadgeAccess.body(
            try context.parameters.require("id"), context: context, services: services)
        return try await render(body, forms: .init(), context: context, services: services)
    }

    static func render(
        _ body: SupportBody, forms: BadgesPage.Forms, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = try await BadgesPage.Query.load(body, services: services)
        return services.views.render(
            "badges", title: "badges.page_title", titleValues: ["name": body.name],
            content: BadgesPage.Model.make(query, forms: forms, context: context, services: services),
            context: context, status: status)
    }

    /// The picture sent, checked; nil with no file (keep the stored one); the message otherwise.
    static func image(_ received: BadgeUpload.Received) -> Result<BadgeImage, BadgeImage.Problem>? {
        received.bytes.isEmpty ? nil : BadgeImage.check(received.bytes)
    }

    static func imageMessage(_ problem: BadgeImage.Problem, context: AppRequestContext, services: AppServices)
        -> String
    {
        services.views.text("badges.image.\(problem.rawValue)", context)
    }

    @Sendable static func saveIssuer(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let body = try await BadgeAccess.body(
            try context.parameters.require("id"), context: context, services: services)
        var forms = BadgesPage.Forms()
        let received: BadgeUpload.Received
        do {
            received = try await BadgeUpload.receive(request, context: context, services: services)
        } catch BadgeUpload.Failure.tooLarge {
            forms.issuerMessages["image"] = imageMessage(.tooLarge, context: context, services: services)
            return try await render(body, forms: forms, context: context, services: services, status: .contentTooLarge)
        }
        let f = received.fields
        let issuer = BadgeForms.Issuer(name: f["name"] ?? "", url: f["url"] ?? "", email: f["email"] ?? "")
        forms.issuerValues = ["name": issuer.name, "url": issuer.url, "email": issuer.email]
        forms.issuerErrors = issuer.errors()
        let existing = try await services.database.read { try await BadgeQueries.issuer(body.id, in: $0) }
        var picture: BadgeImage?
        switch image(received) {
        case .none where existing == nil:
            forms.issuerMessages["image"] = imageMessage(.empty, context: context, services: services)
        case .none: break
        case .failure(let problem)?:
            forms.issuerMessages["image"] = imageMessage(problem, context: context, services: services)
        case .success(let checked)?: picture = checked
        }
        guard forms.issuerErrors.isEmpty, forms.issuerMessages.isEmpty else {
            return try await render(
                body, forms: forms, context: context, services: services, status: .unprocessableContent)
        }
        let now = services.time.now()
        let chosen = picture
        try await services.database.transaction { sql in
            if let picture = chosen {
                try await BadgeQueries.saveIssuer(
                    BadgeIssuerRow(
                        supportBodyId: body.id, name: issuer.name, url: issuer.url, email: issuer.email,
                        image: Data(picture.bytes).base64EncodedString(), imageKind: picture.kind.rawValue,
                        updatedAt: now), in: sql)
            } else {
                try await BadgeQueries.updateIssuerText(
                    body.id, name: issuer.name, url: issuer.url, email: issuer.email, now: now, in: sql)
            }
        }
        return redirect(to: .supportBodyBadges(body.id), flash: "badges.issuer_saved")
    }

    @Sendable static func createClass(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let body = try await BadgeAccess.body(
            try context.parameters.require("id"), context: context, services: services)
        var forms = BadgesPage.Forms()
        let received: BadgeUpload.Received
        do {
            received = try await BadgeUpload.receive(request, context: context, services: services)
        } catch BadgeUpload.Failure.tooLarge {
            forms.classMessages["class_image"] = imageMessage(.tooLarge, context: context, services: services)
            return try await render(body, forms: forms, context: context, services: services, status: .contentTooLarge)
        }
        let f = received.fields
        let form = BadgeForms.BadgeClass(
            name: f["class_name"] ?? "", description: f["description"] ?? "", criteria: f["criteria"] ?? "",
            framework: f["framework"] ?? "", targetName: f["target_name"] ?? "", targetURL: f["target_url"] ?? "")
        forms.classValues = [
            "class_name": form.name, "description": form.description, "criteria": form.criteria,
            "framework": form.framework, "target_name": form.targetName, "target_url": form.targetURL,
        ]
        var errors = FieldErrors()
        for (field, key) in form.errors().byField { errors[field == "name" ? "class_name" : field] = key }
        forms.classErrors = errors
        let issuer = try await services.database.read { try await BadgeQueries.issuer(body.id, in: $0) }
        if issuer == nil { forms.classMessages["class_name"] = services.views.text("badges.issuer_first", context) }
        var picture: BadgeImage?
        switch image(received) {
        case .none: forms.classMessages["class_image"] = imageMessage(.empty, context: context, services: services)
        case .failure(let problem)?:
            forms.classMessages["class_image"] = imageMessage(problem, context: context, services: services)
        case .success(let checked)?: picture = checked
        }
        guard let picture, forms.classErrors.isEmpty, forms.classMessages.isEmpty else {
            return try await render(
                body, forms: forms, context: context, services: services, status: .unprocessableContent)
        }
        let alignment = form.alignment
        let row = BadgeClassRow(
            id: services.tokens.identifier(), supportBodyId: body.id, name: form.name, description: form.description,
            criteria: form.criteria, image: Data(picture.bytes).base64EncodedString(), imageKind: picture.kind.rawValue,
            alignmentName: alignment?.targetName, alignmentUrl: alignment?.targetUrl,
            alignmentFramework: alignment?.targetFramework, createdAt: services.time.now())
        try await services.database.transaction { try await BadgeQueries.insertClass(row, in: $0) }
        return redirect(to: .supportBodyBadges(body.id), flash: "badges.class_created")
    }
}
