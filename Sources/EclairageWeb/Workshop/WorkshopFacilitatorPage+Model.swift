import EclairageDomain

/// The facilitator's page: the code to give, the live part, and the controls (agenda, vote, queue,
/// speaking time, reminder, approvals, participants, ending), the overrides' log, and once closed
/// the summary.
enum WorkshopFacilitatorPage {
    struct Model: Sendable {
        let title: String
        let when: String
        let code: String
        let joinLink: String
        let live: WorkshopLivePart.Frame
        let structure: String
        let liveLink: String
        let script: String
        let refresh: String
        let action: String
        let state: FormState
        let closed: Bool
        let agenda: [Item]
        let speakingHand: String?
        let queue: [WorkshopLivePart.Waiting]
        let timerMinutes: String
        let reminder: Bool
        let approval: Bool
        let voteOpen: Bool
        let hasVote: Bool
        let waiting: [Person]
        let admitted: [Person]
        let overrides: [String]
        let summary: Summary?
    }

    struct Item: Sendable {
        let id: String
        let title: String
        let slot: String
        let current: Bool
    }

    struct Person: Sendable {
        let id: String
        let name: String
        let turns: String
    }

    struct Summary: Sendable {
        let share: String
        let spread: [String]
        let concentration: String
    }
}

extension WorkshopFacilitatorPage.Model {
    init(
        _ state: WorkshopState, overrides rows: [WorkshopOverrideRow], values: [String: String] = [:],
        errors: [String: String] = [:], now: Int64, views: Views, context: AppRequestContext
    ) {
        let room = state.room
        title = state.training.title
        when = DateFormatting.dayAndTime(state.session.startsAt, language: context.language)
        code = room.code
        joinLink = SiteURL.joinRoom.path + "?code=" + room.code
        live = .init(content: WorkshopLivePart.Model(state, now: now, views: views, context: context))
        structure = state.structure(at: now)
        liveLink = SiteURL.roomLive(room.id).path + "?animation=1"
        script = SiteURL.roomScript.path
        refresh = SiteURL.roomFacilitation(room.id).path
        action = SiteURL.roomFacilitation(room.id).path
        let translated = errors.mapValues { views.text($0, context) }
        self.state = FormState(
            values: values, errors: translated,
            errorList: ["title", "start", "end", "question", "options", "minutes", "action"].compactMap { field in
                translated[field].map { .init(field: field, message: $0) }
            })
        closed = state.isClosed(at: now)
        agenda = state.agenda.map {
            .init(
                id: $0.id, title: $0.title, slot: AgendaSlot(start: $0.startsMinute, end: $0.endsMinute).text,
                current: $0.id == room.currentItem)
        }
        speakingHand = room.speakingHand
        queue = live.content.queue
        timerMinutes = room.timerSeconds.map { String($0 / 60) } ?? ""
        reminder = room.reminder == 1
        approval = room.approval == 1
        voteOpen = room.voteOpen == 1
        hasVote = !state.options.isEmpty
        func person(_ row: WorkshopParticipantRow) -> WorkshopFacilitatorPage.Person {
            .init(
                id: row.id, name: row.name, turns: views.text("workshop.turns", context, ["count": String(row.turns)]))
        }
        // By name, so that the facilitator finds someone quickly.
        let byName = state.participants.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        waiting = byName.filter { $0.status == WorkshopParticipantRow.waiting }.map(person)
        admitted = byName.filter { $0.status == WorkshopParticipantRow.admitted }.map(person)
        overrides = rows.map { row in
            let who = row.participantId.map(state.name) ?? ""
            return views.text(
                "workshop.override.\(row.action)", context,
                ["time": DateFormatting.time(row.createdAt, language: context.language), "name": who])
        }
        summary = WorkshopClosing.summary(room).map { summary in
            .init(
                share: views.text(
                    "workshop.summary.share", context,
                    [
                        "percent": String(summary.sharePercent), "speakers": String(summary.speakers),
                        "participants": String(summary.participants),
                    ]),
                spread: summary.spread.enumerated().map { turns, people in
                    views.text("workshop.summary.spread_\(turns)", context, ["count": String(people)])
                },
                concentration: views.text(
                    "workshop.summary.concentration", context,
                    ["percent": String(summary.topFifthPercent), "turns": String(summary.turns)]))
        }
    }
}
