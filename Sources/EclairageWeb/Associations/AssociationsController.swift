import EclairageDomain
import Hummingbird

/// My associations: the list, creating one, reading and editing one.
enum AssociationsController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let now = services.time.now()
        let (mine, followed, sessions) = try await services.database.read { sql in
            (
                try await AssociationQueries.memberships(of: user.id, in: sql),
                try await AssociationQueries.followed(by: user.id, in: sql),
                try await OrganisedSessionQueries.upcoming(of: user.id, from: now, limit: 5, in: sql)
            )
        }
        let content = AssociationListPage.Model(
            mine: mine, followed: followed, sessions: sessions, context: context, views: services.views)
        return services.views.render("associations", title: "associations.title", content: content, context: context)
    }

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireUser()
        return form(
            .empty, action: .newAssociation, cancel: .associations, title: "association.new_title", context: context,
            services: services,
            returnTo: ReturnPath.query(request))
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let body = try context.decodeForm(AssociationFormBody.self)
        switch body.form.validate(knownDepartements: services.departementCodes) {
        case .failure(let errors):
            return form(
                submitted(errors, context, services), action: .newAssociation, cancel: .associations,
                title: "association.new_title",
                context: context, services: services, status: .unprocessableContent, returnTo: ReturnPath.form(context))
        case .success(let profile):
            let association = Association(id: services.tokens.identifier(), profile: profile, now: services.time.now())
            try await services.database.transaction {
                try await AssociationQueries.create(association, owner: user.id, in: $0)
            }
            return redirect(
                toPath: ReturnPath.form(context) ?? SiteURL.association(association.id).path,
                flash: "association.created")
        }
    }
    /// The association form (creating or editing), with what was typed and the messages, if any.
    static func form(
        _ state: FormState, action: SiteURL, cancel: SiteURL, title: String, context: AppRequestContext,
        services: AppServices,
        status: HTTPResponse.Status = .ok, returnTo: String? = nil
    ) -> Response {
        var content = AssociationFormPage.Model(
            form: state, action: action, cancel: cancel, services: services, context: context)
        content.returnTo = returnTo
        return services.views.render(
            "association-form", title: title, content: content, context: context, status: status)
    }

    static func submitted(_ errors: FieldErrors, _ context: AppRequestContext, _ services: AppServices)
        -> FormState
    {
        FormState(
            values: context.form.fields, errors: errors, order: AssociationFormPage.Model.order, views: services.views,
            context: context)
    }
}
