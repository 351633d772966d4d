import EclairageDomain
import Hummingbird
import SQLKit

/// Who organises a place's trainings: the network's editors, and the place's managers (accounts an
/// editor linked to it, or that confirmed through its edit link). Anyone else is refused (403).
enum OrganiserAccess {
    static func organises(place placeID: String, _ user: User?, in sql: any SQLDatabase) async throws -> Bool {
        guard let user else { return false }
        if user.editor { return true }
        return try await PlaceManagerQueries.isManager(place: placeID, user: user.id, in: sql)
    }

    /// The signed-in account, when it organises `placeID`; else 403.
    static func require(place placeID: String, context: AppRequestContext, services: AppServices) async throws -> User {
        let user = try context.requireUser()
        guard try await services.database.read({ try await organises(place: placeID, user, in: $0) }) else {
            throw PageError.forbidden
        }
        return user
    }

    /// The session, its training, when the signed-in account organises it; 404 for an unknown session, 403 otherwise.
    static func session(_ sessionID: String, context: AppRequestContext, services: AppServices) async throws -> (
        SessionRow, TrainingRow
    ) {
        let user = try context.requireUser()
        let loaded = try await services.database.read { sql -> (SessionRow, TrainingRow, Bool)? in
            guard let session = try await CalendarQueries.session(sessionID, in: sql),
                let training = try await CalendarQueries.training(session.trainingId, in: sql)
            else { return nil }
            return (session, training, try await organises(place: training.placeId, user, in: sql))
        }
        guard let (session, training, allowed) = loaded else {
            if user.editor { throw PageError.notFound }
            throw PageError.forbidden
        }
        guard allowed else { throw PageError.forbidden }
        return (session, training)
    }

    /// Whether the signed-in account (if any) may create trainings at all: an editor, or a place's manager.
    static func places(_ context: AppRequestContext, services: AppServices) async throws -> [String]? {
        guard let user = context.identity else { return [] }
        if user.editor { return nil }
        return try await services.database.read { try await PlaceManagerQueries.places(of: user.id, in: $0) }
    }
}
