import EclairageDomain
import Foundation
import Hummingbird

/// Anyone proposes a place; a place edits its own listing through a link sent to its listed address.
/// Both wait for the network's editors, who are told by mail; nothing shows before they accept.
enum ContributionController {
    @Sendable static func new(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        services.views.render(
            "place-form", title: "directory.propose_title",
            content: PlaceFormPage.Model(
                PlaceFormBody(), errors: [:], action: .proposePlace, editing: false, services: services,
                context: context),
            context: context)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let form = try context.decodeForm(PlaceFormBody.self)
        let now = services.time.now()
        let id = "ecl-" + services.tokens.identifier()
        var (place, errors) = form.check(
            id: id, schema: services.directory.schema, communes: try services.directory.communes(),
            today: DirectoryClock(now).day)
        if !form.contact.isEmpty, !EmailAddress.isPlausible(form.contact) {
            errors["contact"] = services.views.text("signup.email_invalid", context)
        }
        guard let place, errors.isEmpty else {
            return services.views.render(
                "place-form", title: "directory.propose_title",
                content: PlaceFormPage.Model(
                    form, errors: errors, action: .proposePlace, editing: false, services: services, context: context
                ), context: context, status: .unprocessableContent)
        }
        // Likely duplicates are shown before anything is saved; the person confirms it is another place.
        let nearby = try await services.database.read {
            try await DirectoryQueries.published(postcode: place.postcode, in: $0)
        }
        let duplicates = Duplicates.likely(place, among: nearby.map { ($0.id, $0.place) })
        if !duplicates.isEmpty, !form.confirmedNew {
            return services.views.render(
                "place-form", title: "directory.propose_title",
                content: PlaceFormPage.Model(
                    form, errors: [:], action: .proposePlace, editing: false,
                    duplicates: duplicates.map {
                        LinkView(title: "\($0.place.name), \($0.place.address)", link: SiteURL.place($0.id).path)
                    },
                    services: services, context: context
                ), context: context, status: .conflict)
        }
        // Counted before the row is stored; the form comes back as typed, with what happened and when to retry.
        if let refusal = try await RateLimiter(services).attempt(
            .proposal, from: ClientAddress.of(request, context: context))
        {
            return services.views.render(
                "place-form", title: "directory.propose_title",
                content: PlaceFormPage.Model(
                    form, errors: ["nom": FormLimit.proposal.message(refusal, views: services.views, context: context)],
                    action: .proposePlace, editing: false,
                    services: services, context: context
                ), context: context, status: .tooManyRequests)
        }
        let row = PlaceRow(
            id: services.tokens.identifier(), place: place, status: PlaceRow.proposed, createdAt: now, updatedAt: now)
        try await services.database.transaction { sql in
            try await DirectoryQueries.insert([row], in: sql)
            try await Contributions.recordPending(
                placeID: row.id, before: nil, after: place, origin: "proposition",
                contact: form.contact.isEmpty ? nil : form.contact,
                services: services, now: now, in: sql)
        }
        return redirect(to: .directory, flash: "directory.proposal_received")
    }
}
