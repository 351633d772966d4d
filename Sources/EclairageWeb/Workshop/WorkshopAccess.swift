import EclairageDomain
import Hummingbird
import SQLKit

/// Who may do what in a workshop room. The facilitator is the session's organiser; a participant is
/// the browser holding the cookie given when they joined (a random token; only its SHA-256 is
/// stored), scoped to the room's path: forms carry no participant, so no one acts for another, and a
/// room's cookie opens no other room.
enum WorkshopAccess {
    /// Whether this person runs the session's room: the session's organiser, that is a network
    /// editor or a manager of the place organising the training (`OrganiserAccess`).
    static func canFacilitate(_ user: User?, session: SessionRow, training: TrainingRow, in sql: any SQLDatabase)
        async throws -> Bool
    {
        try await OrganiserAccess.organises(place: training.placeId, user, in: sql)
    }

    /// The facilitator, or a refusal (sign in first; 403 for others).
    static func requireFacilitator(_ context: AppRequestContext, _ state: WorkshopState, services: AppServices)
        async throws -> User
    {
        let user = try context.requireUser()
        let allowed = try await services.database.read {
            try await canFacilitate(user, session: state.session, training: state.training, in: $0)
        }
        guard allowed else {
            throw PageError.forbidden
        }
        return user
    }

    static func cookieName(_ room: String) -> String { "salle-" + room }

    /// The token this browser holds for the room, if any (letters and digits only).
    static func token(_ request: Request, room: String) -> String? {
        guard let value = request.cookies[cookieName(room)]?.value, (16...64).contains(value.count),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return value
    }

    /// The cookie that binds a participant to their browser until the room closes.
    static func cookie(_ token: String, room: String, maxAge: Int64, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName(room), value: token, maxAge: Int(max(maxAge, 60)), path: SiteURL.room(room).path,
            secure: secure, httpOnly: true, sameSite: .lax)
    }
}
