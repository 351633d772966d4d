import EclairageDomain
import Hummingbird

/// Editing an association's profile: its owners only.
extension AssociationsController {
    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let id = loaded.association.id
        let state = FormState(values: loaded.association.formValues, views: services.views, context: context)
        return form(
            state, action: .associationEdit(id), cancel: .association(id), title: "association.edit_title",
            context: context, services: services)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let id = loaded.association.id
        let body = try context.decodeForm(AssociationFormBody.self)
        switch body.form.validate(knownDepartements: services.departementCodes) {
        case .failure(let errors):
            return form(
                submitted(errors, context, services), action: .associationEdit(id), cancel: .association(id),
                title: "association.edit_title",
                context: context, services: services, status: .unprocessableContent)
        case .success(let profile):
            var association = loaded.association
            association.apply(profile, now: services.time.now())
            try await services.database.write { [association] in
                try await AssociationQueries.update(association, in: $0)
            }
            return redirect(to: .association(id), flash: "association.updated")
        }
    }
}
