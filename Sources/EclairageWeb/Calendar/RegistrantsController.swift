import EclairageDomain
import Hummingbird

/// The registrants of a session, for the network's editors: names, e-mail, status and, once the
/// session has begun, attendance (from which badges will be awarded). Nothing more is kept.
enum RegistrantsController {
    struct Content: Sendable {
        let title: String
        let when: String
        let confirmed: [Registrant]
        let waiting: [Registrant]
        let started: Bool
        let action: String
        let trainingLink: String
    }

    struct Registrant: Sendable {
        let id: String
        let name: String
        let email: String
        let status: String
        let present: Bool
    }

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
        func item(_ row: RegistrationRow) -> Registrant {
            Registrant(
                id: row.id, name: row.name, email: row.email,
                status: services.views.text("calendar.status_\(row.status)", context), present: row.attended == 1)
        }
        let content = Content(
            title: training.title, when: DateFormatting.dayAndTime(session.startsAt, language: context.language),
            confirmed: rows.filter { $0.status == RegistrationRow.confirmed }.map(item),
            waiting: rows.filter { [RegistrationRow.waiting, RegistrationRow.offered].contains($0.status) }.map(item),
            started: session.startsAt <= services.time.now(), action: SiteURL.sessionRegistrants(sessionID).path,
            trainingLink: SiteURL.training(training.id).path
        )
        return services.views.render(
            "registrants", title: "calendar.registrants_title", titleValues: ["name": training.title], content: content,
            context: context)
    }

    /// Marks who came (the boxes ticked), once the session has begun.
    @Sendable static func attendance(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let sessionID = try context.parameters.require("id")
        let present = Set(context.form.all("present"))
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
