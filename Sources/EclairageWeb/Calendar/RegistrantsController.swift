import EclairageDomain
import Hummingbird

/// The registrants of a session, for those who organise it (the network's editors, the place's
/// managers): names, e-mail, status and, once the session has begun, attendance (from which badges
/// will be awarded), with people who came without registering added at the door. Nothing more is kept.
enum RegistrantsController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let sessionID = try context.parameters.require("id")
        let (session, training) = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let rows = try await services.database.read { try await RegistrationQueries.all(of: sessionID, in: $0) }
        return services.views.render(
            "registrants", title: "calendar.registrants_title", titleValues: ["name": training.title],
            content: RegistrantsPage.Model(
                session, training: training, registrations: rows, now: services.time.now(), services: services,
                context: context),
            context: context)
    }

    /// Marks who came (the boxes ticked), once the session has begun.
    @Sendable static func attendance(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let sessionID = try context.parameters.require("id")
        let (session, _) = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let present = Set(try context.decodeForm(AttendanceBody.self).present)
        let now = services.time.now()
        guard session.startsAt <= now else {
            throw PageError(status: .conflict, messageKey: "calendar.attendance_too_early")
        }
        try await services.database.transaction { sql in
            try await RegistrationQueries.setAttendance(sessionID: sessionID, present: present, in: sql)
        }
        return redirect(to: .sessionRegistrants(sessionID), flash: "calendar.attendance_saved")
    }

    /// Someone came without registering: added at the door, present, holding no seat anyone waits for
    /// (the session has begun). An e-mail address is optional; no message is sent.
    @Sendable static func walkIn(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let sessionID = try context.parameters.require("id")
        let (session, _) = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let form = try context.decodeForm(RegistrationFormBody.self)
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = EmailAddress.normalise(form.email)
        let now = services.time.now()
        guard session.startsAt <= now else {
            throw PageError(status: .conflict, messageKey: "calendar.attendance_too_early")
        }
        guard !name.isEmpty, name.count <= 100, email.isEmpty || EmailAddress.isPlausible(email) else {
            return redirect(to: .sessionRegistrants(sessionID), flash: "calendar.walk_in_invalid")
        }
        let tokens = services.tokens
        try await services.database.transaction { sql in
            try await RegistrationQueries.addWalkIn(
                name: name, email: email, session: sessionID, id: tokens.identifier(),
                tokenHash: TokenHash.of(tokens.random()), now: now, in: sql)
            try await VersionQueries.bump(.calendar, in: sql)
        }
        return redirect(to: .sessionRegistrants(sessionID), flash: "calendar.walk_in_added")
    }
}
