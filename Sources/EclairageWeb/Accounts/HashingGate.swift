/// Bounds password hashing: bcrypt takes tens of milliseconds of CPU on purpose, so a burst of
/// sign-ins must not queue unbounded work. At most `limit` hashes run at once and `queue` wait;
/// past that the request is refused at once with "busy, try again" rather than tying up the server.
actor HashingGate {
    private let limit: Int
    private let queue: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int, queue: Int) {
        self.limit = limit
        self.queue = queue
    }

    struct Busy: Error {}

    func run<R: Sendable>(_ work: @Sendable () async throws -> R) async throws -> R {
        if running >= limit {
            guard waiting.count < queue else { throw Busy() }
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        defer { leave() }
        return try await work()
    }

    /// Hands the place to the next in line, or frees it.
    private func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
