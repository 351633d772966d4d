import EclairageDomain
import Hummingbird

/// Support bodies: the public list, creating one, and its page for its advisors.
enum SupportBodiesController {
    struct ListContent: Sendable {
        let bodies: [Item]
        let newLink = SiteURL.newSupportBody.path
        let signedIn: Bool
        struct Item: Sendable {
            let name: String
            let departement: String?
            let description: String
            let link: String?
            let placeLink: String?
        }
    }

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let userID = context.identity?.id
        let (bodies, mine, places) = try await services.database.read { sql in
            let mine =
                if let userID { try await SupportBodyQueries.advised(by: userID, in: sql) } else { [SupportBody]() }
            let bodies = try await SupportBodyQueries.all(in: sql)
            return (bodies, mine, try await DirectoryQueries.placesOf(bodies: bodies.map(\.id), in: sql))
        }
        let mineIDs = Set(mine.map(\.id))
        let placeOf = Dictionary(places.map { ($0.supportBodyId, $0.id) }) { a, _ in a }
        let items = bodies.map {
            ListContent.Item(
                name: $0.name, departement: $0.departement, description: $0.description,
                link: mineIDs.contains($0.id) ? SiteURL.supportBody($0.id).path : nil,
                placeLink: placeOf[$0.id].map { SiteURL.place($0).path })
        }
        return services.views.render(
            "support-bodies", title: "bodies.title", content: ListContent(bodies: items, signedIn: userID != nil),
            context: context)
    }

    struct FormContent: Sendable {
        let form: FormState
        let action = SiteURL.newSupportBody.path
        let departements: [AssociationFormContent.Option]
    }

    private static func formContent(_ state: FormState, services: AppServices) -> FormContent {
        FormContent(
            form: state,
            departements: services.departements.map {
                .init(
                    value: $0.code, label: "\($0.code) – \($0.name)", selected: state.values["departement"] == $0.code)
            })
    }

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireUser()
        return services.views.render(
            "support-body-form", title: "bodies.new_title", content: formContent(.empty, services: services),
            context: context)
    }

    /// The person who creates a support body becomes its first advisor.
    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let form = try context.decodeForm(SupportBodyForm.self)
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let departement = form.departement.isEmpty ? nil : form.departement
        let description = form.description.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if name.isEmpty || name.count > 200 { errors["name"] = "bodies.name_required" }
        if let departement, !services.departementCodes.contains(departement) {
            errors["departement"] = "association.departement_unknown"
        }
        if description.count > 2000 { errors["description"] = "bodies.description_too_long" }
        guard errors.isEmpty else {
            let state = FormState(
                values: form.redisplayed, errors: errors, order: ["name", "departement", "description"],
                views: services.views, context: context)
            return services.views.render(
                "support-body-form", title: "bodies.new_title", content: formContent(state, services: services),
                context: context, status: .unprocessableContent)
        }
        let body = SupportBody(
            id: services.tokens.identifier(), name: name, departement: departement, description: description,
            createdAt: services.time.now())
        try await services.database.transaction { sql in
            try await SupportBodyQueries.insert(body, in: sql)
            try await AdvisorQueries.add(user.id, to: body.id, now: services.time.now(), in: sql)
        }
        return redirect(to: .supportBody(body.id), flash: "bodies.created")
    }

    struct PageContent: Sendable {
        let body: SupportBody
        let advisors: [Advisor]
        let associations: [Item]
        let inviteAction: String
        let removeAction: String
        let form: FormState
        let invitationLink: String?
        let place: LinkView?
        let placeAction: String
        let placeError: String?
        struct Item: Sendable {
            let name: String
            let link: String
            let departement: String?
        }
        struct Advisor: Sendable {
            let id: String
            let displayName: String
            let email: String
            let isMe: Bool
        }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        try await render(context: context, services: services, form: .empty)
    }

    static func render(
        context: AppRequestContext, services: AppServices, form: FormState, invitationLink: String? = nil,
        placeError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let loaded:
            (SupportBody, [AdvisorQueries.Advisor], [SupportBodyQueries.GrantedRow], [DirectoryQueries.BodyPlace])? =
                try await services.database.read { sql in
                    guard try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: sql),
                        let body = try await SupportBodyQueries.find(id: id, in: sql)
                    else { return nil }
                    return (
                        body, try await AdvisorQueries.advisors(of: id, in: sql),
                        try await SupportBodyQueries.grantedAssociations(of: id, in: sql),
                        try await DirectoryQueries.placesOf(bodies: [id], in: sql)
                    )
                }
        guard let (body, advisors, associations, places) = loaded else { throw PageError.notFound }
        let content = PageContent(
            body: body,
            advisors: advisors.map {
                .init(id: $0.userId, displayName: $0.displayName, email: $0.email, isMe: $0.userId == user.id)
            },
            associations: associations.map {
                .init(name: $0.name, link: SiteURL.association($0.id).path, departement: $0.departement)
            },
            inviteAction: SiteURL.supportBodyAdvisors(id).path, removeAction: SiteURL.supportBodyAdvisorRemove(id).path,
            form: form,
            invitationLink: invitationLink,
            place: places.first.map { LinkView(title: $0.name, link: SiteURL.place($0.id).path) },
            placeAction: SiteURL.supportBodyPlace(id).path, placeError: placeError
        )
        return services.views.render(
            "support-body", title: "bodies.page_title", titleValues: ["name": body.name], content: content,
            context: context, status: status)
    }

    struct PlaceLinkForm: Decodable { @FormText var place: String }

    /// An advisor says which place of the directory their body is: the page address or its identifier.
    @Sendable static func linkPlace(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let typed = try context.decodeForm(PlaceLinkForm.self).place.trimmingCharacters(in: .whitespaces)
        let placeID = String(typed.split(separator: "/").last ?? "")
        let linked: Bool = try await services.database.transaction { sql in
            guard try await SupportBodyQueries.isAdvisor(userID: user.id, of: id, in: sql) else {
                throw PageError.notFound
            }
            guard let place = try await DirectoryQueries.find(id: placeID, in: sql), place.status == PlaceRow.published
            else { return false }
            try await DirectoryQueries.linkSupportBody(id, to: placeID, in: sql)
            try await DirectoryQueries.bumpVersion(in: sql)
            return true
        }
        guard linked else {
            return try await render(
                context: context, services: services, form: .empty,
                placeError: services.views.text("bodies.place_unknown", context), status: .unprocessableContent)
        }
        return redirect(to: .supportBody(id), flash: "bodies.place_linked")
    }
}
