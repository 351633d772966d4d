import EclairageDomain
import SQLKit

/// What a change to a training does beyond its row, in the transaction that writes it: a change people
/// must know of (title, place, link, description) raises the upcoming sessions' sequence and sends
/// their registrants' calendars an update; a larger capacity gives the new seats to those waiting; a
/// cancelled session stays, marked cancelled, and its registrants' calendars learn of it.
enum TrainingChanges {
    /// The registrations told of a change or a cancellation: those holding or waiting for a seat.
    static let told = [RegistrationRow.confirmed, RegistrationRow.offered, RegistrationRow.waiting]

    /// What changed, in the registrant's words (French: registrants have no language setting).
    static func changes(_ changed: TrainingRow, was training: TrainingRow, mail: CalendarMail) -> [String] {
        let t = mail.translations
        var lines: [String] = []
        if changed.title != training.title {
            lines.append(t.text("calendar.change_title", .fr, ["title": changed.title, "was": training.title]))
        }
        if changed.location != training.location {
            lines.append(
                changed.location.isEmpty
                    ? t.text("calendar.change_location_place", .fr)
                    : t.text("calendar.change_location", .fr, ["location": changed.location]))
        }
        if changed.onlineUrl != training.onlineUrl {
            lines.append(
                changed.onlineUrl.map { t.text("calendar.change_online", .fr, ["link": $0]) }
                    ?? t.text("calendar.change_online_none", .fr))
        }
        if changed.description != training.description { lines.append(t.text("calendar.change_description", .fr)) }
        return lines
    }

    /// Saves `changed` (once `training`) and gives its `upcoming` sessions the new `capacity`.
    static func save(
        _ changed: TrainingRow, was training: TrainingRow, upcoming: [SessionRow], capacity: Int, place: Place,
        mail: CalendarMail, now: Int64, in sql: any SQLDatabase
    ) async throws {
        // What a participant's calendar shows: a change there is material.
        let changes = Self.changes(changed, was: training, mail: mail)
        let material = !changes.isEmpty
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
                    try await Outbox.enqueue(
                        try await mail.update(row, context, changes: changes, now: now, in: sql), now: now, in: sql)
                }
            }
            if grew {
                let events = try await WaitingList.fillFreedSeats(session.id, now: now, in: sql)
                try await CalendarMailing.send(events, sessionID: session.id, mail: mail, now: now, in: sql)
            }
        }
        try await VersionQueries.bump(.calendar, in: sql)
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
        where told.contains(row.status) {
            try await Outbox.enqueue(try await mail.update(row, context, now: now, in: sql), now: now, in: sql)
        }
        try await VersionQueries.bump(.calendar, in: sql)
        return training.id
    }

    /// Moves one session to `start` (same length, same UID, a higher sequence); its registrants are told
    /// the old and the new date, with an updated invitation. Returns the training's id.
    static func move(
        session sessionID: String, to start: Int64, place: Place, mail: CalendarMail, now: Int64,
        in sql: any SQLDatabase
    ) async throws -> String? {
        guard var session = try await CalendarQueries.lockSession(sessionID, in: sql),
            let training = try await CalendarQueries.training(session.trainingId, in: sql)
        else { return nil }
        guard session.cancelled == 0, session.startsAt != start else { return training.id }
        let was = session.startsAt
        session.endsAt = start + (session.endsAt - session.startsAt)
        session.startsAt = start
        session.sequence += 1
        session.updatedAt = now
        try await CalendarQueries.updateSession(session, in: sql)
        let line = mail.translations.text(
            "calendar.change_date", .fr,
            [
                "when": DateFormatting.weekdayAndTime(start, language: .fr),
                "was": DateFormatting.weekdayAndTime(was, language: .fr),
            ])
        let context = CalendarMail.Context(training: training, session: session, place: place)
        for row in try await RegistrationQueries.all(of: sessionID, in: sql) where told.contains(row.status) {
            try await Outbox.enqueue(
                try await mail.update(row, context, changes: [line], now: now, in: sql), now: now, in: sql)
        }
        try await VersionQueries.bump(.calendar, in: sql)
        return training.id
    }
}
