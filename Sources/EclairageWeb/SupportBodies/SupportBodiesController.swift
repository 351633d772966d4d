import EclairageDomain
import Hummingbird

/// Support bodies: the public list and creating one. A new body waits for vetting before
/// associations can find it; the person who creates it becomes its first advisor.
enum SupportBodiesController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let userID = context.identity?.id
        let editor = context.identity?.editor ?? false
        let (vetted, mine, places, waiting) = try await services.database.read { sql in
            let mine =
                if let userID { try await SupportBodyQueries.advised(by: userID, in: sql) } else { [SupportBody]() }
            let vetted = try await SupportBodyQueries.vetted(in: sql)
            let places = try await DirectoryQueries.placesOf(bodies: vetted.map(\.id) + mine.map(\.id), in: sql)
            return (vetted, mine, places, editor ? try await SupportBodyQueries.waiting(in: sql).count : nil)
        }
        // "Trouver de l'aide" with no body to list: the directory's places of digital support help too.
        if vetted.isEmpty, mine.isEmpty, userID == nil {
            return redirect(to: .directory, flash: "bodies.none_see_directory")
        }
        let model = SupportBodyListPage.Model.make(
            vetted: vetted, mine: mine, places: places, waiting: waiting, signedIn: userID != nil, context: context,
            services: services)
        return services.views.render("support-bodies", title: "bodies.title", content: model, context: context)
    }

    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireUser()
        return services.views.render(
            "support-body-form", title: "bodies.new_title",
            content: SupportBodyListPage.FormModel(.empty, services: services), context: context)
    }

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
                "support-body-form", title: "bodies.new_title",
                content: SupportBodyListPage.FormModel(state, services: services), context: context,
                status: .unprocessableContent)
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
}
