import EclairageDomain
import Foundation
import SQLKit

/// Closing a room, by the facilitator or 24 hours after its session (housekeeping, hourly): the
/// summary is worked out from the turns, aggregated only, then the participants' names are blanked.
enum WorkshopClosing {
    static func close(_ room: WorkshopRoomRow, now: Int64, in sql: any SQLDatabase) async throws {
        let participants = try await WorkshopQueries.participants(room.id, in: sql).filter {
            $0.status != WorkshopParticipantRow.waiting
        }
        let summary = SpeakingSummary(turns: participants.map(\.turns))
        var closed = room
        closed.closedAt = now
        closed.speakingHand = nil
        closed.reminder = 0
        closed.voteOpen = 0
        closed.summary = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        try await WorkshopQueries.save(closed, now: now, in: sql)
        try await WorkshopQueries.forgetNames(room.id, in: sql)
    }

    /// Closes every open room whose session ended more than 24 hours ago.
    static func closeLapsed(now: Int64, in sql: any SQLDatabase) async throws {
        for room in try await WorkshopQueries.lapsed(endedBefore: now - WorkshopState.closingDelay, in: sql) {
            try await close(room, now: now, in: sql)
        }
    }

    static func summary(_ room: WorkshopRoomRow) -> SpeakingSummary? {
        room.summary.flatMap { try? JSONDecoder().decode(SpeakingSummary.self, from: Data($0.utf8)) }
    }
}
