import EclairageDomain
import Hummingbird

/// The registrants of a session, for the network's editors: names, e-mail, status and, once the
/// session has begun, attendance (from which badges will be awarded). Nothing more is kept.
enum RegistrantsController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let sessionID = try context.parameters.require("id")
        let loaded = try await services.database.read { sql -> (SessionRow, TrainingRow, [RegistrationRow])? in
            guard let session = try await CalendarQueries.session(sessionID, in: sql),
                let training = try await CalendarQueries.training(session.trainingId, in: sql)
            else { return nil }
            return (session, training, try await RegistrationQueries.all(of: sessionID, in: sql))
        }
        guard let (session, training, rows) = loaded else { throw PageError.notFound }
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
        _ = try context.requireEditor()
        let sessionID = try context.parameters.require("id")
        let present = Set(try context.decodeForm(AttendanceBody.self).present)
        let now = services.time.now()
        try await services.database.transaction { sql in
            guard let session = try await CalendarQueries.session(sessionID, in: sql) else { throw PageError.notFound }
            guard session.startsAt <= now else {
                throw PageError(status: .conflict, messageKey: "calendar.attendance_too_early")
            }
            try await RegistrationQueries.setAttendance(sessionID: sessionID, present: present, in: sql)
        }
        return redirect(to: .sessionRegistrants(sessionID), flash: "calendar.attendance_saved")
    }
}
