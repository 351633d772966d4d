import EclairageDomain
import Foundation
import SQLKit

/// One thing the facilitator does in a room, checked and written inside the room's lock. Answers
/// the form's errors (field → message key), empty when it was done.
struct WorkshopFacilitation: Sendable {
    let form: WorkshopFacilitatorBody
    let user: String
    let now: Int64
    let ids: @Sendable () -> String

    func apply(to state: WorkshopState, in sql: any SQLDatabase) async throws -> [String: String] {
        var room = state.room
        switch form.action {
        case "agenda":
            let title = form.title.trimmingCharacters(in: .whitespacesAndNewlines)
            var errors: [String: String] = [:]
            if title.isEmpty || title.count > WorkshopLimits.title { errors["title"] = "workshop.error.item_title" }
            let slot = AgendaSlot.read(start: form.start, end: form.end)
            if slot == nil { errors["start"] = "workshop.error.slot" }
            if state.agenda.count >= WorkshopLimits.agendaItems { errors["title"] = "workshop.error.agenda_full" }
            guard let slot, errors.isEmpty else { return errors }
            try await WorkshopQueries.insert(
                WorkshopAgendaItemRow(
                    id: ids(), roomId: room.id, title: title, startsMinute: slot.start, endsMinute: slot.end), in: sql)
        case "current":
            guard state.agenda.contains(where: { $0.id == form.item }) else {
                return ["action": "workshop.error.stale"]
            }
            room.currentItem = form.item
        case "vote":
            let question = form.question.trimmingCharacters(in: .whitespacesAndNewlines)
            let options = form.options.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var errors: [String: String] = [:]
            if question.isEmpty || question.count > WorkshopLimits.title {
                errors["question"] = "workshop.error.question"
            }
            if !WorkshopLimits.options.contains(options.count)
                || options.contains(where: { $0.count > WorkshopLimits.option })
                || Set(options).count != options.count
            {
                errors["options"] = "workshop.error.options"
            }
            guard errors.isEmpty else { return errors }
            try await WorkshopQueries.replaceOptions(
                room.id,
                with: options.enumerated().map {
                    WorkshopVoteOptionRow(id: ids(), roomId: room.id, position: $0.offset, label: $0.element)
                }, in: sql)
            room.voteQuestion = question
            room.voteOpen = 1
        case "close-vote":
            room.voteOpen = 0
        case "speak":
            let queue = state.queue
            guard var hand = queue.first(where: { $0.id == form.hand }) else {
                return ["action": "workshop.error.stale"]
            }
            if let speaking = state.speaking { try await finish(speaking, state: state, in: sql) }
            if hand.id != queue.first?.id {
                try await log("speak", participant: hand.participantId, room: room.id, in: sql)
            }
            hand.startedAt = now
            try await WorkshopQueries.update(hand, in: sql)
            room.speakingHand = hand.id
        case "done":
            guard let speaking = state.speaking else { return ["action": "workshop.error.stale"] }
            try await finish(speaking, state: state, in: sql)
            room.speakingHand = nil
        case "move":
            guard var hand = state.queue.first(where: { $0.id == form.hand }) else {
                return ["action": "workshop.error.stale"]
            }
            hand.movedAt = now
            try await WorkshopQueries.update(hand, in: sql)
            try await log("move", participant: hand.participantId, room: room.id, in: sql)
        case "timer":
            let typed = form.minutes.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty {
                room.timerSeconds = nil
            } else {
                guard let minutes = Int(typed), WorkshopLimits.timerMinutes.contains(minutes) else {
                    return ["minutes": "workshop.error.minutes"]
                }
                room.timerSeconds = minutes * 60
            }
        case "reminder":
            room.reminder = room.reminder == 1 ? 0 : 1
        case "approval":
            room.approval = room.approval == 1 ? 0 : 1
        case "admit":
            guard state.participant(form.participant)?.status == WorkshopParticipantRow.waiting else {
                return ["action": "workshop.error.stale"]
            }
            try await WorkshopQueries.setStatus(
                form.participant, room: room.id, to: WorkshopParticipantRow.admitted, in: sql)
        case "remove":
            guard let participant = state.participant(form.participant),
                participant.status != WorkshopParticipantRow.removed
            else { return ["action": "workshop.error.stale"] }
            try await WorkshopQueries.setStatus(
                participant.id, room: room.id, to: WorkshopParticipantRow.removed, in: sql)
            try await WorkshopQueries.dropHands(of: participant.id, now: now, in: sql)
            if state.speaking?.participantId == participant.id { room.speakingHand = nil }
            try await log("remove", participant: participant.id, room: room.id, in: sql)
        case "end":
            try await WorkshopClosing.close(room, now: now, in: sql)
            return [:]
        default:
            return ["action": "workshop.error.stale"]
        }
        try await WorkshopQueries.save(room, now: now, in: sql)
        return [:]
    }

    /// The speaker's turn ends: counted (a reply within the cap counts as a reply turn).
    func finish(_ hand: WorkshopHandRow, state: WorkshopState, in sql: any SQLDatabase) async throws {
        var done = hand
        done.doneAt = now
        try await WorkshopQueries.update(done, in: sql)
        let replies = state.participant(hand.participantId)?.replies ?? 0
        try await WorkshopQueries.countTurn(
            hand.participantId,
            reply: hand.kind == SpeakingQueue.Kind.reply.rawValue && replies < SpeakingQueue.replyCap,
            in: sql)
    }

    func log(_ action: String, participant: String, room: String, in sql: any SQLDatabase) async throws {
        try await WorkshopQueries.insert(
            WorkshopOverrideRow(
                id: ids(), roomId: room, participantId: participant, action: action, createdBy: user, createdAt: now),
            in: sql)
    }
}
