import EclairageDomain
import Hummingbird

/// A place's managers: an editor links an account (by its e-mail address) from the place's page, or a
/// signed-in account confirms through the place's edit link (mailed to the address the listing shows,
/// so it proves the account belongs to the place's team). Managers organise the place's trainings.
enum PlaceManagersController {
    @Sendable static func link(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let placeID = try context.parameters.require("id")
        let email = EmailAddress.normalise(try context.decodeForm(PlaceManagerBody.self).email)
        let index = try await services.directory.current(services.database)
        guard index.entry(id: placeID) != nil else { throw PageError.notFound }
        let now = services.time.now()
        let linked = try await services.database.transaction { sql -> Bool in
            guard let user = try await UserQueries.find(email: email, in: sql) else { return false }
            try await PlaceManagerQueries.add(place: placeID, user: user.id, origin: "editor", now: now, in: sql)
            return true
        }
        return redirect(to: .place(placeID), flash: linked ? "calendar.manager_linked" : "calendar.manager_unknown")
    }

    /// An editor removes a manager (someone who left the place's team).
    @Sendable static func unlink(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let placeID = try context.parameters.require("id")
        let userID = try context.decodeForm(PlaceManagerRemoveBody.self).user
        try await services.database.write {
            try await PlaceManagerQueries.remove(place: placeID, user: userID, in: $0)
        }
        return redirect(to: .place(placeID), flash: "calendar.manager_removed")
    }

    /// The account signed in confirms through the place's edit link that it belongs to the place's team.
    @Sendable static func confirm(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireUser()
        let (_, row) = try await PlaceEditLinks.find(context, services: services)
        let now = services.time.now()
        try await services.database.transaction { sql in
            try await PlaceManagerQueries.add(place: row.id, user: user.id, origin: "link", now: now, in: sql)
        }
        return redirect(to: .place(row.id), flash: "calendar.manager_confirmed")
    }
}
