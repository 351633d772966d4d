import EclairageDomain
import SQLKit

/// What a change to a training does beyond its row, in the transaction that writes it: a change people
/// must know of (title, place, link, description) raises the upcoming sessions' sequence and sends
/// their registrants' calendars an update; a larger capacity gives the new seats to those waiting; a
/// cancelled session stays, marked cancelled, and its registrants' calendars learn of it.
enum TrainingChanges {
    /// Saves `changed` (once `training`) and gives its `upcoming` sessions the new `capacity`.
    static func save(
        _ changed: TrainingRow, was training: TrainingRow, upcoming: [SessionRow], capacity: Int, place: Place,
        mail: CalendarMail, now: Int64, in sql: any SQLDatabase
    ) async throws {
        // What a participant's calendar shows: a change there is material.
        let material =
            changed.title != training.title || changed.location != training.location
            || changed.onlineUrl != training.onlineUrl || changed.description != training.description
        try await CalendarQueries.update(changed, in: sql)
        for var session in upcoming {
            let grew = capacity > session.capacity
            session.capacity = capacity
            if material { session.sequence += 1 }
            session.updatedAt = now
            try await CalendarQueries.updateSession(session, in: sql)
            if material {
                let context = CalendarMail.Context(training: changed, session: session, place: place)
                for row in try await RegistrationQueries.all(of: session.id, in: sql)
                where RegistrationRow.holding.contains(row.status) {
                    try await Outbox.enqueue(try await mail.update(row, context, now: now, in: sql), now: now, in: sql)
                }
            }
            if grew {
                let events = try await WaitingList.fillFreedSeats(session.id, now: now, in: sql)
                try await CalendarMailing.send(events, sessionID: session.id, mail: mail, now: now, in: sql)
            }
        }
        try await DirectoryQueries.bumpVersion(in: sql)
    }

    /// Cancels the session (once; again changes nothing) and returns its training's id, nil when the
    /// session, its training or its organiser is unknown.
    static func cancel(
        session sessionID: String, index: DirectoryIndex, mail: CalendarMail, now: Int64, in sql: any SQLDatabase
    ) async throws -> String? {
        guard var session = try await CalendarQueries.lockSession(sessionID, in: sql),
            let training = try await CalendarQueries.training(session.trainingId, in: sql),
            let place = index.entry(id: training.placeId)
        else { return nil }
        guard session.cancelled == 0 else { return training.id }
        session.cancelled = 1
        session.sequence += 1
        session.updatedAt = now
        try await CalendarQueries.updateSession(session, in: sql)
        let context = CalendarMail.Context(training: training, session: session, place: place.place)
        for row in try await RegistrationQueries.all(of: sessionID, in: sql)
        where [RegistrationRow.confirmed, RegistrationRow.offered, RegistrationRow.waiting].contains(row.status) {
            try await Outbox.enqueue(try await mail.update(row, context, now: now, in: sql), now: now, in: sql)
        }
        try await DirectoryQueries.bumpVersion(in: sql)
        return training.id
    }
}
