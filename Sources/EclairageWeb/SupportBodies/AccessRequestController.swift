import EclairageDomain
import Hummingbird

/// A vetted body asks an association for access by its RNA or SIREN number. The answer is the same
/// whether or not an association with that number uses the instance: nothing leaks.
enum AccessRequestController {
    @Sendable static func send(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let form = try context.decodeForm(RequestAccessForm.self)
        let identifier = OrganisationIdentifier.normalise(SubmittedFields.trimmed(form.identifier))
        let message = SubmittedFields.trimmed(form.message)
        var errors = FieldErrors()
        let body = try await services.database.read { sql -> SupportBody? in
            guard try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: sql) else { return nil }
            return try await SupportBodyQueries.find(id: id, in: sql)
        }
        guard let body else { throw PageError.notFound }
        if !body.isVetted { errors["identifier"] = "dashboard.error.not_vetted" }
        if OrganisationIdentifier.checkRNA(identifier) != nil, OrganisationIdentifier.checkSIREN(identifier) != nil {
            errors["identifier"] = "dashboard.error.identifier_invalid"
        }
        SubmittedFields.checkText(
            message, field: "message", maxLength: 2000, tooLong: "support.error.message_too_long", into: &errors)
        guard errors.isEmpty else {
            let state = FormState(
                values: ["identifier": form.identifier, "message": form.message], errors: errors,
                order: ["identifier", "message"], views: services.views, context: context)
            return try await SupportBodyController.render(
                context: context, services: services, forms: .init(request: state), status: .unprocessableContent)
        }
        let now = services.time.now()
        let owners = try await services.database.transaction { sql -> [String] in
            var owners: [String] = []
            for association in try await AccessRequestQueries.associations(identifier: identifier, in: sql) {
                try await AccessRequestQueries.upsert(
                    .init(
                        id: services.tokens.identifier(), supportBodyId: id, associationId: association,
                        requestedBy: user.id, requesterName: user.displayName, message: message, createdAt: now),
                    in: sql)
                owners += try await AssociationQueries.members(of: association, in: sql)
                    .filter { $0.role == AssociationRole.owner.rawValue }.map(\.email)
            }
            return owners
        }
        try await services.mail(
            owners, subject: "access_request.mail_subject", body: "access_request.mail_body",
            values: ["body": body.name, "name": user.displayName, "link": services.absoluteURL(.associations)],
            context: context)
        return redirect(to: .supportBody(id), flash: "dashboard.request_sent")
    }
}
