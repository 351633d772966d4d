/// One rate limiter for every form that can be abused: sign-in (per account and per address),
/// re-authentication, and the forms anyone can send (`FormLimit`, each with its own counters). Counted in the database, so every app
/// server behind a load balancer sees the same count, and counted *before* the costly or visible work
/// (hashing a password, sending a mail), so a burst sent at once is cut at the limit.
struct RateLimiter: Sendable {
    struct Rule: Sendable {
        let prefix: String
        let limit: Int
        let window: Int64

        func subject(_ key: String) -> String { "\(prefix):\(key)" }
    }

    static let signInAccount = Rule(prefix: "account", limit: 5, window: 15 * 60)
    static let signInAddress = Rule(prefix: "address", limit: 20, window: 15 * 60)
    static let reauthentication = Rule(prefix: "reauth", limit: 5, window: 15 * 60)

    enum Decision: Sendable, Equatable {
        case allowed
        /// Refused; a new try is possible after this many minutes.
        case blocked(minutes: Int)
    }

    let database: Database
    let time: TimeSource

    init(_ services: AppServices) {
        self.database = services.database
        self.time = services.time
    }

    /// Counts one attempt under every rule, then says whether it may go on: refused when any count
    /// went past its limit.
    func attempt(_ checks: [(Rule, String)]) async throws -> Decision {
        let now = time.now()
        let counters = try await database.write { sql in
            var counters: [(Rule, RateLimitQueries.Counter)] = []
            for (rule, key) in checks {
                counters.append(
                    (rule, try await RateLimitQueries.hit(rule.subject(key), now: now, window: rule.window, in: sql)))
            }
            return counters
        }
        let waits = counters.filter { $0.1.hits > $0.0.limit }.map { rule, counter in
            max(1, Int((counter.windowStart + rule.window - now + 59) / 60))
        }
        return waits.max().map { .blocked(minutes: $0) } ?? .allowed
    }

    /// One sending of a form anyone can send, counted per client address and, when it mails someone,
    /// per recipient: `nil` when it may go on, else which limit applies and for how long.
    func attempt(_ form: FormLimit, from address: String, to recipient: String? = nil) async throws -> FormLimit
        .Refusal?
    {
        let now = time.now()
        let recipientRule = recipient.flatMap { _ in form.recipientRule }
        let (byAddress, byRecipient) = try await database.write { sql in
            let byAddress = try await RateLimitQueries.hit(
                form.addressRule.subject(address), now: now, window: form.addressRule.window, in: sql)
            guard let recipient, let recipientRule else { return (byAddress, RateLimitQueries.Counter?.none) }
            return (
                byAddress,
                try await RateLimitQueries.hit(
                    recipientRule.subject(recipient), now: now, window: recipientRule.window, in: sql)
            )
        }
        func wait(_ rule: Rule, _ counter: RateLimitQueries.Counter) -> Int {
            max(1, Int((counter.windowStart + rule.window - now + 59) / 60))
        }
        if let recipientRule, let byRecipient, byRecipient.hits > recipientRule.limit {
            return .recipient(minutes: wait(recipientRule, byRecipient))
        }
        if byAddress.hits > form.addressRule.limit { return .address(minutes: wait(form.addressRule, byAddress)) }
        return nil
    }

    func attempt(_ rule: Rule, _ key: String) async throws -> Decision {
        try await attempt([(rule, key)])
    }

    /// Takes back one counted attempt (a successful sign-in from a shared address).
    func forgive(_ rule: Rule, _ key: String) async throws {
        try await database.write { try await RateLimitQueries.forgive(rule.subject(key), in: $0) }
    }

    func clear(_ rule: Rule, _ key: String) async throws {
        try await database.write { try await RateLimitQueries.clear(rule.subject(key), in: $0) }
    }
}
