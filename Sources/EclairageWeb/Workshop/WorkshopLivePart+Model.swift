import EclairageDomain

/// The live part of a room's pages, the same for every participant: the agenda with its current
/// item, the reminder, who speaks, the queue with positions, the vote's results. Rendered once per
/// version and language for every live screen, and inside the participant's page without script.
enum WorkshopLivePart {
    struct Model: Sendable {
        let version: Int64
        let closed: Bool
        let agenda: [Item]
        let reminder: Bool
        let speaking: Speaker?
        let queue: [Waiting]
        let vote: Vote?
        let count: String
    }

    /// The live part as pages and the stream hand it to `workshop-live` (which reads `content`).
    struct Frame: Sendable {
        let content: Model
    }

    struct Item: Sendable {
        let title: String
        let slot: String
        let current: Bool
    }

    struct Speaker: Sendable {
        let name: String
        let participant: String
        /// "jusqu'à 14 h 32" when a speaking time is set.
        let until: String?
        /// The end in Unix milliseconds, for the script's countdown.
        let endsAt: Int64?
    }

    struct Waiting: Sendable {
        let position: Int
        let name: String
        let kind: String
        let participant: String
        let hand: String
    }

    struct Vote: Sendable {
        let question: String
        let open: Bool
        let results: [Result]
        let total: String
    }

    struct Result: Sendable {
        let label: String
        let votes: Int
        let percent: Int
    }
}

extension WorkshopLivePart.Model {
    init(_ state: WorkshopState, now: Int64, views: Views, context: AppRequestContext) {
        let room = state.room
        version = room.version
        closed = state.isClosed(at: now)
        agenda = state.agenda.map {
            .init(
                title: $0.title, slot: AgendaSlot(start: $0.startsMinute, end: $0.endsMinute).text,
                current: $0.id == room.currentItem)
        }
        reminder = room.reminder == 1 && !closed
        speaking =
            closed
            ? nil
            : state.speaking.map { hand in
                let end = room.timerSeconds.flatMap { seconds in hand.startedAt.map { $0 + Int64(seconds) } }
                return .init(
                    name: state.name(hand.participantId), participant: hand.participantId,
                    until: end.map {
                        views.text(
                            "workshop.until", context, ["time": DateFormatting.time($0, language: context.language)])
                    }, endsAt: end.map { $0 * 1000 })
            }
        queue =
            closed
            ? []
            : state.queue.enumerated().map { index, hand in
                .init(
                    position: index + 1, name: state.name(hand.participantId),
                    kind: views.text("workshop.kind.\(hand.kind)", context), participant: hand.participantId,
                    hand: hand.id)
            }
        let labels = Dictionary(uniqueKeysWithValues: state.options.map { ($0.id, $0.label) })
        vote =
            state.options.isEmpty
            ? nil
            : .init(
                question: room.voteQuestion ?? "", open: room.voteOpen == 1,
                results: state.results.map {
                    .init(label: labels[$0.option] ?? "", votes: $0.votes, percent: $0.percent)
                },
                total: views.text("workshop.votes_total", context, ["count": String(state.ballots.count)]))
        count = views.text("workshop.participants_count", context, ["count": String(state.admitted.count)])
    }
}
