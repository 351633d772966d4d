import EclairageDomain
import Hummingbird

/// My associations: the list, creating one, reading and editing one.
enum AssociationsController {
    struct ListContent: Sendable {
        let followed: [Item]
        let mine: [Item]
        let newLink = SiteURL.newAssociation.path
        let isEmpty: Bool

        struct Item: Sendable {
            let name: String
            let link: String
            let departement: String?
            let roleLabel: String
        }
    }

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireUser()
        let (mine, followed) = try await services.database.read { sql in
            (try await AssociationQueries.memberships(of: user.id, in: sql), try await AssociationQueries.followed(by: user.id, in: sql))
        }
        func items(_ rows: [AssociationQueries.ListedAssociation]) -> [ListContent.Item] {
            rows.map { .init(name: $0.name, link: SiteURL.association($0.id).path, departement: $0.departement, roleLabel: services.views.text("role.\($0.role)", context)) }
        }
        let content = ListContent(followed: items(followed), mine: items(mine), isEmpty: mine.isEmpty && followed.isEmpty)
        return services.views.render("associations", title: "associations.title", content: content, context: context)
    }

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        _ = try context.requireUser()
        let content = AssociationFormContent(form: .empty, action: .newAssociation, cancel: .associations, services: services, context: context)
        return services.views.render("association-form", title: "association.new_title", content: content, context: context)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireUser()
        switch AssociationForm(fields: context.form.fields).validate(knownDepartements: services.departementCodes) {
        case .failure(let errors):
            let state = FormState(values: context.form.fields, errors: errors, order: AssociationFormContent.order, views: services.views, context: context)
            let content = AssociationFormContent(form: state, action: .newAssociation, cancel: .associations, services: services, context: context)
            return services.views.render("association-form", title: "association.new_title", content: content, context: context, status: .unprocessableContent)
        case .success(let profile):
            let association = Association(id: Token.identifier(), profile: profile, now: Clock.now())
            try await services.database.transaction { try await AssociationQueries.create(association, owner: user.id, in: $0) }
            return redirect(to: .association(association.id), flash: "association.created")
        }
    }

    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let id = loaded.association.id
        let state = FormState(values: loaded.association.formValues, views: services.views, context: context)
        let content = AssociationFormContent(form: state, action: .associationEdit(id), cancel: .association(id), services: services, context: context)
        return services.views.render("association-form", title: "association.edit_title", content: content, context: context)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        try loaded.requireOwner()
        let id = loaded.association.id
        switch AssociationForm(fields: context.form.fields).validate(knownDepartements: services.departementCodes) {
        case .failure(let errors):
            let state = FormState(values: context.form.fields, errors: errors, order: AssociationFormContent.order, views: services.views, context: context)
            let content = AssociationFormContent(form: state, action: .associationEdit(id), cancel: .association(id), services: services, context: context)
            return services.views.render("association-form", title: "association.edit_title", content: content, context: context, status: .unprocessableContent)
        case .success(let profile):
            var association = loaded.association
            association.apply(profile, now: Clock.now())
            try await services.database.write { [association] in try await AssociationQueries.update(association, in: $0) }
            return redirect(to: .association(id), flash: "association.updated")
        }
    }
}
