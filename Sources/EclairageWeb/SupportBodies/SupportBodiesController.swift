import EclairageDomain
import Hummingbird

/// Support bodies: the public list, creating one, and its page for its advisors.
enum SupportBodiesController {
    struct ListContent: Sendable {
        let bodies: [Item]
        let newLink = SiteURL.newSupportBody.path
        let signedIn: Bool
        struct Item: Sendable { let name: String; let departement: String?; let description: String; let link: String?; }
    }

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let userID = context.identity?.id
        let (bodies, mine) = try await services.database.read { sql in
            let mine = if let userID { try await SupportBodyQueries.advised(by: userID, in: sql) } else { [SupportBody]() }
            return (try await SupportBodyQueries.all(in: sql), mine)
        }
        let mineIDs = Set(mine.map(\.id))
        let items = bodies.map {
            ListContent.Item(name: $0.name, departement: $0.departement, description: $0.description, link: mineIDs.contains($0.id) ? SiteURL.supportBody($0.id).path : nil)
        }
        return services.views.render("support-bodies", title: "bodies.title", content: ListContent(bodies: items, signedIn: userID != nil), context: context)
    }

    struct FormContent: Sendable {
        let form: FormState
        let action = SiteURL.newSupportBody.path
        let departements: [AssociationFormContent.Option]
    }

    private static func formContent(_ state: FormState, services: AppServices) -> FormContent {
        FormContent(form: state, departements: services.departements.map {
            .init(value: $0.code, label: "\($0.code) – \($0.name)", selected: state.values["departement"] == $0.code)
        })
    }

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        _ = try context.requireUser()
        return services.views.render("support-body-form", title: "bodies.new_title", content: formContent(.empty, services: services), context: context)
    }

    /// The person who creates a support body becomes its first advisor.
    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireUser()
        let name = (context.form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let departement = context.form["departement"].flatMap { $0.isEmpty ? nil : $0 }
        let description = (context.form["description"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if name.isEmpty || name.count > 200 { errors["name"] = "bodies.name_required" }
        if let departement, !services.departementCodes.contains(departement) { errors["departement"] = "association.departement_unknown" }
        if description.count > 2000 { errors["description"] = "bodies.description_too_long" }
        guard errors.isEmpty else {
            let state = FormState(values: context.form.fields, errors: errors, order: ["name", "departement", "description"], views: services.views, context: context)
            return services.views.render("support-body-form", title: "bodies.new_title", content: formContent(state, services: services), context: context, status: .unprocessableContent)
        }
        let body = SupportBody(id: Token.identifier(), name: name, departement: departement, description: description, createdAt: Clock.now())
        try await services.database.transaction { sql in
            try await sql.insert(into: "support_bodies").row(body).run()
            try await sql.insert(into: "advisors").columns("support_body_id", "user_id", "added_at")
                .values(SQLBind(body.id), SQLBind(user.id), SQLBind(Clock.now())).run()
        }
        return redirect(to: .supportBody(body.id), flash: "bodies.created")
    }

    struct PageContent: Sendable {
        let body: SupportBody
        let advisors: [SupportBodyQueries.AdvisorRow]
        let associations: [Item]
        let addAdvisorAction: String
        let form: FormState
        struct Item: Sendable { let name: String; let link: String; let departement: String? }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        try await render(context: context, services: services, form: .empty)
    }

    static func render(context: AppRequestContext, services: AppServices, form: FormState, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let loaded: (SupportBody, [SupportBodyQueries.AdvisorRow], [SupportBodyQueries.GrantedRow])? = try await services.database.read { sql in
            guard try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: sql),
                let body = try await SupportBodyQueries.find(id: id, in: sql)
            else { return nil }
            return (body, try await SupportBodyQueries.advisors(of: id, in: sql), try await SupportBodyQueries.grantedAssociations(of: id, in: sql))
        }
        guard let (body, advisors, associations) = loaded else { throw PageError.notFound }
        let content = PageContent(
            body: body, advisors: advisors,
            associations: associations.map { .init(name: $0.name, link: SiteURL.association($0.id).path, departement: $0.departement) },
            addAdvisorAction: SiteURL.supportBodyAdvisors(id).path, form: form
        )
        return services.views.render("support-body", title: "bodies.page_title", titleValues: ["name": body.name], content: content, context: context, status: status)
    }

    /// An advisor adds a colleague who already has an account.
    @Sendable static func addAdvisor(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let email = EmailAddress.normalise(context.form["email"] ?? "")
        let (isAdvisor, colleague) = try await services.database.read { sql in
            (try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: sql), try await UserQueries.find(email: email, in: sql))
        }
        guard isAdvisor else { throw PageError.notFound }
        guard let colleague else {
            var errors = FieldErrors()
            errors["email"] = "bodies.advisor_unknown"
            let state = FormState(values: ["email": email], errors: errors, views: services.views, context: context)
            return try await render(context: context, services: services, form: state, status: .unprocessableContent)
        }
        try await services.database.transaction { sql in
            if try await !SupportBodyQueries.isAdvisor(userID: colleague.id, of: id, in: sql) {
                try await sql.insert(into: "advisors").columns("support_body_id", "user_id", "added_at")
                    .values(SQLBind(id), SQLBind(colleague.id), SQLBind(Clock.now())).run()
            }
        }
        return redirect(to: .supportBody(id), flash: "bodies.advisor_added")
    }
}

import SQLKit
