import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Timed jobs (sending mail, purging what expired, and later reminders), run inside the server. Each
/// run of a job is claimed in the database with a lease, so that with several app servers on one
/// PostgreSQL database each run happens on one of them; a server that dies mid-run leaves the job to
/// be taken again when its lease ends.
struct Scheduler: Sendable {
    struct Job: Sendable {
        let name: String
        /// Seconds between the end of a run and the next.
        let every: Int64
        let work: @Sendable () async throws -> Void
    }

    let database: Database
    let time: TimeSource
    let jobs: [Job]
    let logger: Logger
    static let lease: Int64 = 600

    /// Runs every job that is due and that this server wins; returns the names it ran.
    @discardableResult
    func runDue() async throws -> [String] {
        var ran: [String] = []
        for job in jobs where try await run(job) {
            ran.append(job.name)
        }
        return ran
    }

    /// Runs the job named `name` now, when it is due and no server holds it, and waits for it at most
    /// `limit`: past that, it goes on without the caller (a page can say "in progress" and be looked at again).
    func runSoon(_ name: String, waitingAtMost limit: Duration) async {
        guard let job = jobs.first(where: { $0.name == name }) else { return }
        let done = NIOLockedValueBox(false)
        Task {
            _ = try? await run(job)
            done.withLockedValue { $0 = true }
        }
        let deadline = ContinuousClock.now + limit
        while !done.withLockedValue({ $0 }) && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Claims one run of the job and does it; false when it was not due or another server holds it.
    private func run(_ job: Job) async throws -> Bool {
        let now = time.now()
        let claimed = try await database.write { sql in
            try await JobQueries.register(job.name, now: now, in: sql)
            return try await JobQueries.claim(job.name, now: now, lease: Self.lease, in: sql)
        }
        guard claimed else { return false }
        var failure: String?
        do {
            try await job.work()
        } catch {
            failure = String(describing: error)
            logger.error("Tâche « \(job.name) » en échec : \(failure ?? "")")
        }
        let end = time.now()
        try await database.write { [failure] in
            try await JobQueries.finish(job.name, ranAt: end, nextRun: end + job.every, error: failure, in: $0)
        }
        return true
    }
}

/// Runs the scheduler every few seconds while the server runs; stops with it.
struct SchedulerService: Service {
    let scheduler: Scheduler
    let tick: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await scheduler.runDue()
                } catch {
                    scheduler.logger.error("Planificateur : \(String(describing: error))")
                }
                try? await Task.sleep(for: tick)
            }
        }
    }
}
