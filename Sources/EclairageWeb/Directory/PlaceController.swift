import EclairageDomain
import Hummingbird

/// A place's page: who they are, when they are open, what they offer and to whom, how to reach them.
enum PlaceController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let id = try context.parameters.require("id")
        let directory = services.directory
        let index = try await directory.current(services.database)
        guard let entry = index.entry(id: id) else { throw PageError.notFound }
        let clock = DirectoryClock(services.time.now())
        let key = "place|\(index.version)|\(context.language.rawValue)|\(id)|\(clock.day.number):\(clock.minute)"
        let html: String
        if let cached = directory.renderCache.value(for: key) {
            html = cached
        } else {
            html = services.views.fragment(
                "place-details", content: PlacePage.Details(entry, clock: clock, services: services, context: context),
                language: context.language)
            directory.renderCache.store(html, for: key)
        }
        let user = context.identity
        let (organises, managers) = try await services.database.read { sql in
            (
                try await OrganiserAccess.organises(place: id, user, in: sql),
                user?.editor == true ? try await PlaceManagerQueries.managers(of: id, in: sql) : []
            )
        }
        return services.views.render(
            "place", title: "directory.place_title", titleValues: ["name": entry.place.name],
            content: PlacePage.Model(
                html: html, id: id, editor: user?.editor == true, organises: organises,
                managers: managers.map { .init(label: "\($0.displayName) <\($0.email)>", userID: $0.userId) }),
            context: context)
    }
}
