import EclairageDomain
import Hummingbird

/// The association asks a vetted support body for help (granting access, with what it shares),
/// withdraws it at once, and answers the requests bodies send it. Owners act; members read.
enum SupportController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        guard loaded.access.isMember else { throw PageError.forbidden }
        return try await SupportPage.response(loaded, form: .empty, context: context, services: services)
    }

    /// "Être accompagné·e": access is granted at once (the association consents by asking), the body's
    /// advisors are told by mail, and the request shows as new on their dashboard until one opens it.
    @Sendable static func ask(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let form = try context.decodeForm(AskForHelpForm.self)
        let message = SubmittedFields.trimmed(form.message)
        var errors = FieldErrors()
        SubmittedFields.checkText(
            message, field: "message", maxLength: 2000, tooLong: "support.error.message_too_long", into: &errors)
        let body = try await services.database.read { try await SupportBodyQueries.find(id: form.supportBody, in: $0) }
        if body?.isVetted != true { errors["support_body"] = "support.error.body_unknown" }
        guard let body, errors.isEmpty else {
            let state = FormState(
                values: form.values, errors: errors, order: ["support_body", "message"], views: services.views,
                context: context)
            return try await SupportPage.response(
                loaded, form: state, context: context, services: services, status: .unprocessableContent)
        }
        let id = loaded.association.id
        let advisors = try await services.database.transaction { sql in
            try await GrantQueries.grant(
                association: id, body: body.id, by: loaded.user.id, sharesPlan: !form.sharesPlan.isEmpty,
                sharesInventory: !form.sharesInventory.isEmpty, message: message, now: services.time.now(), in: sql)
            if !form.sharesInventory.isEmpty { try await GrantQueries.openInventory(association: id, in: sql) }
            try await AccessRequestQueries.deleteAll(association: id, body: body.id, in: sql)
            return try await AdvisorQueries.advisors(of: body.id, in: sql)
        }
        try await services.mail(
            advisors.map(\.email), subject: "support.mail_subject", body: "support.mail_body",
            values: ["association": loaded.association.name, "link": services.absoluteURL(.association(id))],
            context: context)
        return redirect(to: .associationSupport(id), flash: "support.asked")
    }

    /// Withdrawing takes effect at once: the next read by the body's advisors is refused.
    @Sendable static func withdraw(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let id = loaded.association.id
        let bodyID = try context.decodeForm(AccessForm.self).supportBody
        try await services.database.write { try await GrantQueries.withdraw(association: id, body: bodyID, in: $0) }
        return redirect(to: .associationSupport(id), flash: "access.withdrawn")
    }

    /// A body asked for access: accepting grants it with what the owner ticks; declining removes the request.
    @Sendable static func answer(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let id = loaded.association.id
        let form = try context.decodeForm(AnswerRequestForm.self)
        let flash = try await services.database.transaction { sql -> String in
            guard let asked = try await AccessRequestQueries.find(id: form.request, association: id, in: sql) else {
                return "support.request_unknown"
            }
            try await AccessRequestQueries.delete(id: asked.id, in: sql)
            guard form.answer == "accept" else { return "support.request_declined" }
            try await GrantQueries.grant(
                association: id, body: asked.supportBodyId, by: loaded.user.id, sharesPlan: !form.sharesPlan.isEmpty,
                sharesInventory: !form.sharesInventory.isEmpty, message: "", now: services.time.now(), in: sql)
            if !form.sharesInventory.isEmpty { try await GrantQueries.openInventory(association: id, in: sql) }
            return "support.request_accepted"
        }
        return redirect(to: .associationSupport(id), flash: flash)
    }
}
