import Logging
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
        for job in jobs {
            let now = time.now()
            let claimed = try await database.write { sql in
                try await JobQueries.register(job.name, now: now, in: sql)
                return try await JobQueries.claim(job.name, now: now, lease: Self.lease, in: sql)
            }
            guard claimed else { continue }
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
            ran.append(job.name)
        }
        return ran
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
