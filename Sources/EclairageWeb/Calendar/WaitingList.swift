import EclairageDomain
import SQLKit

/// Seats and the waiting list of one session, always inside a transaction that holds the session's
/// lock: a registration takes a free seat or a place in the queue; a freed seat (cancellation, lapsed
/// offer, larger capacity) goes to the first person waiting, as an offer or at once (`SeatPolicy`).
/// Returns the messages to send, which the caller puts in the outbox in the same transaction.
enum WaitingList {
    enum Event: Sendable, Equatable {
        case confirmed(RegistrationRow)
        case waiting(RegistrationRow, position: Int)
        case offered(RegistrationRow)
        case promoted(RegistrationRow)

        var registration: RegistrationRow {
            switch self {
            case .confirmed(let row), .waiting(let row, _), .offered(let row), .promoted(let row): row
            }
        }
    }

    enum Refusal: Error, Equatable { case sessionOver, sessionCancelled, alreadyRegistered(RegistrationRow) }

    /// `tokenHash`: the hash of the link the caller mails (the token itself is never stored).
    static func register(
        name: String, email: String, session sessionID: String, tokenHash: String, now: Int64, tokens: TokenSource,
        in sql: any SQLDatabase
    ) async throws -> Event {
        guard let session = try await CalendarQueries.lockSession(sessionID, in: sql) else { throw PageError.notFound }
        guard session.cancelled == 0 else { throw Refusal.sessionCancelled }
        guard session.startsAt > now else { throw Refusal.sessionOver }
        let all = try await RegistrationQueries.all(of: sessionID, in: sql)
        let active = [RegistrationRow.confirmed, RegistrationRow.offered, RegistrationRow.waiting]
        if let existing = all.first(where: { $0.email == email && active.contains($0.status) }) {
            throw Refusal.alreadyRegistered(existing)
        }
        let holding = all.filter { RegistrationRow.holding.contains($0.status) }.count
        let queue = all.filter { $0.status == RegistrationRow.waiting }
        let free = holding < session.capacity && queue.isEmpty
        let row = RegistrationRow(
            id: tokens.identifier(), sessionId: sessionID, tokenHash: tokenHash, name: name, email: email,
            status: free ? RegistrationRow.confirmed : RegistrationRow.waiting,
            position: (all.map(\.position).max() ?? 0) + 1,
            offeredUntil: nil, attended: nil, createdAt: now, updatedAt: now
        )
        try await RegistrationQueries.insert(row, in: sql)
        return free ? .confirmed(row) : .waiting(row, position: queue.count + 1)
    }

    /// Gives the free seats of the session to those waiting, in order.
    static func fillFreedSeats(_ sessionID: String, now: Int64, in sql: any SQLDatabase) async throws -> [Event] {
        guard let session = try await CalendarQueries.lockSession(sessionID, in: sql), session.cancelled == 0,
            session.startsAt > now
        else { return [] }
        let all = try await RegistrationQueries.all(of: sessionID, in: sql)
        var free = session.capacity - all.filter { RegistrationRow.holding.contains($0.status) }.count
        var events: [Event] = []
        for var next in all where next.status == RegistrationRow.waiting && free > 0 {
            switch SeatPolicy.decision(now: now, sessionStart: session.startsAt) {
            case .confirm:
                next.status = RegistrationRow.confirmed
                next.offeredUntil = nil
                events.append(.promoted(next))
            case .offer(let until):
                next.status = RegistrationRow.offered
                next.offeredUntil = until
                events.append(.offered(next))
            }
            next.updatedAt = now
            try await RegistrationQueries.update(next, in: sql)
            free -= 1
        }
        return events
    }

    /// Ends a registration (cancelled by the person, or an offer declined or lapsed) and passes its seat on.
    /// Only a registration still in one of the `from` statuses (read again under the lock) is ended.
    static func release(
        _ registration: RegistrationRow, from: [String], as status: String, now: Int64, in sql: any SQLDatabase
    ) async throws -> [Event] {
        guard try await CalendarQueries.lockSession(registration.sessionId, in: sql) != nil,
            var row = try await RegistrationQueries.find(id: registration.id, in: sql), from.contains(row.status),
            status != RegistrationRow.expired || (row.offeredUntil ?? .max) < now
        else { return [] }
        row.status = status
        row.offeredUntil = nil
        row.updatedAt = now
        try await RegistrationQueries.update(row, in: sql)
        return try await fillFreedSeats(registration.sessionId, now: now, in: sql)
    }

    /// Accepts an offered seat still within its deadline.
    static func accept(_ registration: RegistrationRow, now: Int64, in sql: any SQLDatabase) async throws -> Bool {
        guard try await CalendarQueries.lockSession(registration.sessionId, in: sql) != nil,
            var row = try await RegistrationQueries.find(id: registration.id, in: sql),
            row.status == RegistrationRow.offered, (row.offeredUntil ?? 0) >= now
        else { return false }
        row.status = RegistrationRow.confirmed
        row.offeredUntil = nil
        row.updatedAt = now
        try await RegistrationQueries.update(row, in: sql)
        return true
    }
}
