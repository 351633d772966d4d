/// Every form that sends mail or stores a row for someone the site does not know yet, each with its own
/// counters: one per client address and, where the form mails someone, one per recipient. The
/// allowances are declared here and nowhere else, each with the reason for its figure; a purpose
/// never spends another's allowance (five registrations from one desk used to lock its sixth out
/// because every form shared one "mail" counter).
enum FormLimit: String, Sendable, CaseIterable {
    case proposal, signUp, passwordReset, resumeLink, editLink, registration, advisorInvitation, diagnosticStart
    case surveyAnswer
    case badgeLink
    case roomJoin

    struct Allowance: Sendable {
        /// Sent from one client address (behind a proxy, the last `X-Forwarded-For` entry) in a window.
        let perAddress: Int
        /// Received by one e-mail address in a window; `nil` where the form mails nobody it names.
        let perRecipient: Int?
        let window: Int64
        let reason: String
    }

    static let hour: Int64 = 3600

    var allowance: Allowance {
        switch self {
        case .proposal:
            Allowance(
                perAddress: 20, perRecipient: nil, window: Self.hour,
                reason: """
                    A volunteer who enters the places of a network proposes a few an hour; each proposal waits for \
                    the editors, who are told by one digest per quarter hour, so nobody else receives mail.
                    """)
        case .signUp:
            Allowance(
                perAddress: 30, perRecipient: 3, window: Self.hour,
                reason: """
                    A workshop room signs twenty people up from one address; one person asks for their \
                    confirmation again once or twice, not more.
                    """)
        case .passwordReset:
            Allowance(
                perAddress: 30, perRecipient: 3, window: Self.hour,
                reason: """
                    A help desk resets accounts for the people it receives; one account needs one link, two if \
                    the first mail is slow.
                    """)
        case .resumeLink:
            Allowance(
                perAddress: 30, perRecipient: 5, window: Self.hour,
                reason: """
                    A workshop room mails itself its diagnostics' links; one person sends a link to two or \
                    three addresses, or to one address a few times.
                    """)
        case .editLink:
            Allowance(
                perAddress: 20, perRecipient: 3, window: Self.hour,
                reason: """
                    The link goes to the address the listing shows: its owner needs one, and nobody should \
                    fill a place's mailbox by pressing the button.
                    """)
        case .registration:
            Allowance(
                perAddress: 150, perRecipient: 10, window: Self.hour,
                reason: """
                    A desk registers up to a hundred people an hour for others, from one address (signed in as \
                    the place's manager or an editor, on its account's allowance instead); one person registers \
                    for a series of sessions (ten at most in an hour), and each registration mails them.
                    """)
        case .advisorInvitation:
            Allowance(
                perAddress: 30, perRecipient: 3, window: Self.hour,
                reason: """
                    A support body invites its team at once; one advisor needs one invitation, two if the \
                    first is lost.
                    """)
        case .diagnosticStart:
            Allowance(
                perAddress: 60, perRecipient: nil, window: Self.hour,
                reason: """
                    Each anonymous start stores a diagnostic; a workshop room starts a few dozen an hour.
                    """)
        case .surveyAnswer:
            Allowance(
                perAddress: 60, perRecipient: nil, window: Self.hour,
                reason: """
                    Each first answer to a survey without an account stores a row and counts in its results; \
                    a network's meeting may have a few dozen associations answer from one connection in an hour.
                    """)
        case .badgeLink:
            Allowance(
                perAddress: 30, perRecipient: 3, window: Self.hour,
                reason: """
                    A training room asks for its badges at the end of a session from one connection; one \
                    person needs one link, two if the first mail is slow.
                    """)
        case .roomJoin:
            Allowance(
                perAddress: 400, perRecipient: nil, window: Self.hour,
                reason: """
                    Several rooms in one venue join from its one connection, a few hundred phones in an hour at \
                    most; at that pace, guessing a six-character code among 244 million finds nothing.
                    """)
        }
    }

    var addressRule: RateLimiter.Rule {
        .init(prefix: "\(rawValue):address", limit: allowance.perAddress, window: allowance.window)
    }
    var recipientRule: RateLimiter.Rule? {
        allowance.perRecipient.map { .init(prefix: "\(rawValue):to", limit: $0, window: allowance.window) }
    }

    /// What the person reads when a limit applies (French, with the minutes until a new try).
    enum Refusal: Sendable, Equatable {
        case address(minutes: Int)
        case recipient(minutes: Int)

        var key: String {
            switch self {
            case .address: "limits.address"
            case .recipient: "limits.recipient"
            }
        }

        var minutes: Int {
            switch self {
            case .address(let minutes), .recipient(let minutes): minutes
            }
        }
    }

    /// The message of a refusal: what happened for this form, and when to try again.
    func message(_ refusal: Refusal, views: Views, context: AppRequestContext) -> String {
        views.text(
            refusal.key, context,
            [
                "what": views.text("limits.what_\(rawValue)", context),
                "minutes": views.plural("duration.minutes", count: refusal.minutes, context),
            ])
    }
}
