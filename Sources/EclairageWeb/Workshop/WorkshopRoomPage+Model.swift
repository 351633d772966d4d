import EclairageDomain

/// A participant's page: the live part, their place in the queue, a form to raise or lower their
/// hand, the vote. Plain forms and a refresh link; the script (`salle.js`) only keeps the live part
/// current.
enum WorkshopRoomPage {
    struct Model: Sendable {
        let title: String
        let when: String
        let name: String
        let me: String
        let live: WorkshopLivePart.Frame
        /// What the page's forms are built on (a live screen reloads the page when it changes).
        let structure: String
        let liveLink: String
        let script: String
        let refresh: String
        let action: String
        let state: FormState
        /// Why the participant cannot act (waiting for approval, removed, closed); nil when they can.
        let blocked: String?
        let position: String?
        let raised: Bool
        let kinds: [Kind]
        let vote: VoteForm?
        let voted: String?
    }

    struct Kind: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    struct VoteForm: Sendable {
        let question: String
        let options: [Kind]
    }
}

extension WorkshopRoomPage.Model {
    init(
        _ state: WorkshopState, participant: WorkshopParticipantRow, errors: [String: String] = [:], now: Int64,
        views: Views, context: AppRequestContext
    ) {
        let room = state.room
        let closed = state.isClosed(at: now)
        title = state.training.title
        when = DateFormatting.dayAndTime(state.session.startsAt, language: context.language)
        name = participant.name
        me = participant.id
        live = .init(content: WorkshopLivePart.Model(state, now: now, views: views, context: context))
        structure = state.structure(at: now)
        liveLink = SiteURL.roomLive(room.id).path
        script = SiteURL.roomScript.path
        refresh = SiteURL.room(room.id).path
        action = SiteURL.room(room.id).path
        let translated = errors.mapValues { views.text($0, context) }
        self.state = FormState(
            values: [:], errors: translated,
            errorList: ["hand", "vote"].compactMap { field in translated[field].map { .init(field: field, message: $0) }
            }
        )
        blocked =
            closed
            ? views.text("workshop.closed", context)
            : participant.status == WorkshopParticipantRow.removed
                ? views.text("workshop.removed", context)
                : participant.status == WorkshopParticipantRow.waiting ? views.text("workshop.waiting", context) : nil
        let mine = state.hands.first { $0.participantId == participant.id }
        raised = mine != nil
        if let mine, mine.id == room.speakingHand {
            position = views.text("workshop.you_speak", context)
        } else if let index = state.queue.firstIndex(where: { $0.participantId == participant.id }) {
            position = views.text("workshop.your_position", context, ["position": String(index + 1)])
        } else {
            position = nil
        }
        kinds = SpeakingQueue.Kind.allCases.reversed().map {
            .init(
                value: $0.rawValue, label: views.text("workshop.raise.\($0.rawValue)", context), checked: $0 == .topic)
        }
        let ballot = state.ballots.first { $0.participantId == participant.id }
        voted = ballot.flatMap { ballot in state.options.first { $0.id == ballot.optionId }?.label }
        vote =
            room.voteOpen == 1 && ballot == nil && !state.options.isEmpty
            ? .init(
                question: room.voteQuestion ?? "",
                options: state.options.map { .init(value: $0.id, label: $0.label, checked: false) }) : nil
    }
}
