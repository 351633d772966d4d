import EclairageDomain
import SQLKit

/// Turning waiting-list events into messages, in the transaction that made them.
enum CalendarMailing {
    /// `known` holds the links (by registration id) the caller has in clear because the person just used or received
    /// them; any other registrant's message gets a new link.
    static func send(
        _ events: [WaitingList.Event], sessionID: String, mail: CalendarMail, known: [String: String] = [:], now: Int64,
        in sql: any SQLDatabase
    ) async throws {
        guard !events.isEmpty, let session = try await CalendarQueries.session(sessionID, in: sql),
            let training = try await CalendarQueries.training(session.trainingId, in: sql),
            let place = try await DirectoryQueries.find(id: training.placeId, in: sql)
        else { return }
        let context = CalendarMail.Context(training: training, session: session, place: place.place)
        for event in events {
            let row = event.registration
            let token = if let known = known[row.id] { known } else { try await mail.issueLink(for: row, in: sql) }
            try await Outbox.enqueue(mail.message(for: event, context, token: token, now: now), now: now, in: sql)
        }
    }

    /// The confirmation that `row` is cancelled, by the person.
    static func withdrawn(_ row: RegistrationRow, held: Bool, mail: CalendarMail, now: Int64, in sql: any SQLDatabase)
        async throws
    {
        guard let session = try await CalendarQueries.session(row.sessionId, in: sql),
            let training = try await CalendarQueries.training(session.trainingId, in: sql),
            let place = try await DirectoryQueries.find(id: training.placeId, in: sql)
        else { return }
        let context = CalendarMail.Context(training: training, session: session, place: place.place)
        try await Outbox.enqueue(mail.withdrawn(row, held: held, context, now: now), now: now, in: sql)
    }
}
