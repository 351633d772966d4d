import EclairageDomain
import Hummingbird

/// Moves one session to another date and time (its length kept): the session keeps its UID, its
/// sequence rises, and each person registered or waiting is told the old and the new date with an
/// updated invitation.
enum SessionMoveController {
    @Sendable static func move(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let sessionID = try context.parameters.require("id")
        let (session, training) = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let start = try context.decodeForm(SessionMoveBody.self).start.trimmingCharacters(in: .whitespaces)
        let now = services.time.now()
        guard let moved = ParisTime(dateTimeLocal: start), moved.unixTime > now else {
            return redirect(to: .trainingEdit(training.id), flash: "calendar.move_invalid")
        }
        guard session.cancelled == 0, session.startsAt > now else {
            return redirect(to: .trainingEdit(training.id), flash: "calendar.move_closed")
        }
        let index = try await services.directory.current(services.database)
        guard let place = index.entry(id: training.placeId) else { throw PageError.notFound }
        let mail = CalendarMail(services)
        _ = try await services.database.transaction { sql in
            try await TrainingChanges.move(
                session: sessionID, to: moved.unixTime, place: place.place, mail: mail, now: now, in: sql)
        }
        return redirect(to: .trainingEdit(training.id), flash: "calendar.moved")
    }
}
